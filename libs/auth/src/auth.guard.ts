import { PUBLIC_ROUTE, RequestContext } from '@app/common';
import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthChallenge } from './auth-challenge';
import { AuthErrorCode } from './auth-error-code.enum';
import { AuthEvents, type AuthFailureEvent } from './auth-events';
import type { AuthMethod } from './auth-method';
import { authConfig, type AuthConfig } from './auth.config';
import { AUTH_STRATEGIES } from './auth.constants';
import { AuthException } from './auth.exception';
import type { Principal } from './principal';
import { ScopeToolAccess } from './scope-tool-access';
import type { AuthOutcome } from './strategies/auth-outcome';
import type { AuthStrategy } from './strategies/auth-strategy';

type Rejection = Extract<AuthOutcome, { kind: 'rejected' }> & { readonly method: AuthMethod };

/**
 * The one auth guard: routes declared @PublicRoute() pass; every other request must be accepted by
 * one of the configured methods, tried in AUTH_METHODS order. A method that finds no credential of
 * its kind passes to the next, and so does one that refuses its credential (a bearer token that is
 * not a valid OAuth token may still be a static one); the request is refused only when no method
 * accepts it. The principal then lives in the request context for sessions, scopes and languages;
 * a refused credential is counted through the request context's AuthFailureCounter, when there is one.
 * Every refusal is an AuthEvents `failure`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_STRATEGIES) private readonly strategies: readonly AuthStrategy[],
    private readonly challenge: AuthChallenge,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    private readonly events: AuthEvents,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    const req = context.switchToHttp().getRequest<Request>();
    const rejections: Rejection[] = [];
    for (const strategy of this.strategies) {
      const outcome = await strategy.authenticate(req.headers);
      if (outcome.kind === 'accepted') {
        this.attach(outcome.principal);
        return true;
      }
      if (outcome.kind === 'rejected') rejections.push({ ...outcome, method: strategy.method });
    }
    this.events.emit('failure', this.failure(rejections));
    const refusal = this.refusal(req, rejections);
    // A refused credential may be a guess, counted where guessing is limited. An expired token was
    // genuine once, and a request without credentials is a client learning how to authenticate.
    if (refusal.code === AuthErrorCode.INVALID_CREDENTIALS) await RequestContext.current()?.authFailures?.count();
    throw refusal;
  }

  private attach(principal: Principal): void {
    // Without a context, the principal would be known to nothing after this guard: refused, not let through.
    const request = RequestContext.required('authentication');
    request.principalId = `${principal.method}:${principal.id}`;
    request.toolAccess = new ScopeToolAccess(principal, this.config.scopes, this.challenge, this.events);
    if (principal.expiresAt !== undefined) request.credentialExpiresAt = principal.expiresAt;
    // Which language wins (the request's own, else this one) is decided by the translator.
    if (principal.locale !== undefined) request.principalLocale = principal.locale;
  }

  /** The failure as metrics count it: an expired token wins, as in the refusal; else the first method that refused. */
  private failure(rejections: readonly Rejection[]): AuthFailureEvent {
    const decisive = rejections.find((rejection) => rejection.reason === 'expired') ?? rejections[0];
    return decisive === undefined
      ? { method: 'missing', reason: 'missing' }
      : { method: decisive.method, reason: decisive.reason };
  }

  private refusal(req: Request, rejections: readonly Rejection[]): AuthException {
    const where = `${req.method} ${req.path}`;
    if (rejections.length === 0) {
      return new AuthException(AuthErrorCode.CREDENTIALS_REQUIRED, `${where}: no credentials`, {
        messageKey: this.challenge.messageKey(AuthErrorCode.CREDENTIALS_REQUIRED),
        headers: { 'WWW-Authenticate': this.challenge.unauthorized() },
      });
    }
    const expired = rejections.some((rejection) => rejection.reason === 'expired');
    this.logger.log({
      message: `Refused ${where}: ${rejections.map((rejection) => rejection.detail).join('; ')}`,
      correlationId: RequestContext.correlationId(),
    });
    return new AuthException(
      expired ? AuthErrorCode.TOKEN_EXPIRED : AuthErrorCode.INVALID_CREDENTIALS,
      `${where}: credentials refused`,
      {
        ...(expired ? {} : { messageKey: this.challenge.messageKey(AuthErrorCode.INVALID_CREDENTIALS) }),
        headers: {
          'WWW-Authenticate': this.challenge.unauthorized({
            code: 'invalid_token',
            description: expired ? 'The access token expired' : 'The access token is invalid',
          }),
        },
      },
    );
  }
}
