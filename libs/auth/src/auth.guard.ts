import { PUBLIC_ROUTE, RequestContext } from '@app/common';
import { Inject, Injectable, Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { AuthChallenge } from './auth-challenge';
import { AuthErrorCode } from './auth-error-code.enum';
import { AuthEvents, type AuthFailureEvent } from './auth-events';
import type { AuthMethod } from './auth-method';
import { authConfig, type AuthConfig } from './auth.config';
import { ACTIVE_AUTH_METHODS } from './auth.constants';
import { AuthException } from './auth.exception';
import type { Principal } from './principal';
import { ScopeToolAccess } from './scope-tool-access';
import type { AuthFailure } from './strategies/auth-method-strategy';

type Rejection = Extract<AuthFailure, { kind: 'rejected' }>;

const isRejection = (failure: AuthFailure): failure is Rejection => failure.kind === 'rejected';

/**
 * The one auth guard, on @nestjs/passport: routes declared @PublicRoute() pass; every other request
 * must be accepted by one of the configured methods, whose passport strategies are tried in
 * AUTH_METHODS order. A method that finds no credential of its kind fails over to the next, and so
 * does one that refuses its credential (a bearer token that is not a valid OAuth token may still be
 * a static one); the request is refused only when no method accepts it. The principal then lives
 * in the request context for sessions, scopes and languages; a refused credential is counted
 * through the request context's AuthFailureCounter, when there is one. Every refusal is an
 * AuthEvents `failure`. Passport's own refusal (a bare 401) is never used: `handleRequest` answers
 * with this lib's coded exceptions and challenges.
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard() {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly reflector: Reflector,
    @Inject(ACTIVE_AUTH_METHODS) methods: readonly AuthMethod[],
    private readonly challenge: AuthChallenge,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    private readonly events: AuthEvents,
  ) {
    // An array, even of one name, so that passport hands handleRequest every method's failure in order.
    super({ defaultStrategy: [...methods], session: false });
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    try {
      return (await super.canActivate(context)) as boolean;
    } catch (refusal) {
      // A refused credential may be a guess, counted where guessing is limited. An expired token was
      // genuine once, and a request without credentials is a client learning how to authenticate.
      if (refusal instanceof AuthException && refusal.code === AuthErrorCode.INVALID_CREDENTIALS) {
        await RequestContext.current()?.authFailures?.count();
      }
      throw refusal;
    }
  }

  /** Passport's verdict: the first method's principal, else every method's failure in AUTH_METHODS order. */
  override handleRequest<TUser = Principal>(
    error: Error | null,
    principal: Principal | false,
    failures: readonly AuthFailure[],
    context: ExecutionContext,
  ): TUser {
    if (error !== null) throw error;
    if (principal !== false) {
      this.attach(principal);
      return principal as TUser;
    }
    const rejections = failures.filter(isRejection);
    this.events.emit('failure', this.failure(rejections));
    throw this.refusal(context.switchToHttp().getRequest<Request>(), rejections);
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
