import { RequestContext, type RequestContextData } from '@app/common';
import { Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy as CustomStrategy } from 'passport-custom';
import { AuthChallenge } from './auth-challenge';
import { AuthErrorCode } from './auth-error-code.enum';
import { AuthEvents, type AuthFailureEvent } from './auth-events';
import type { AuthMethod } from './auth-method';
import type { AuthConfig } from './auth.config';
import { AuthGuard } from './auth.guard';
import { ABSENT, rejected, type AuthVerdict } from './strategies/auth-method-strategy';

let registered = 0;

/** Registers with passport a method that answers the same verdict for every request; returns its name. */
function fixedStrategy(verdict: AuthVerdict): AuthMethod {
  const name = `fixed-${(registered += 1)}`;
  const FixedStrategy = class extends PassportStrategy(CustomStrategy, name) {
    async validate(): Promise<AuthVerdict> {
      return Promise.resolve(verdict);
    }
  };
  // Constructing a PassportStrategy registers it with passport under its name.
  new FixedStrategy();
  return name as AuthMethod;
}

const request = { method: 'POST', path: '/mcp', headers: {} };
const routeHandler = (): string => 'handled';
const context = {
  getType: () => 'http',
  getHandler: () => routeHandler,
  getClass: () => AuthGuard,
  switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}) }),
} as unknown as ExecutionContext;
const config = { scopes: { read: 'bitbucket:read', write: 'bitbucket:write' } } as AuthConfig;
const INVALID = rejected('bearer', 'invalid', 'not a configured token');
const EXPIRED = rejected('bearer', 'expired', 'the token expired');

describe('AuthGuard counting refused credentials for the rate limits', () => {
  let counted: number;
  let failures: AuthFailureEvent[];

  /** The code the guard refuses with (or `accepted`), in a request context with a counter. */
  const outcomeOf = async (...verdicts: AuthVerdict[]): Promise<string> => {
    const guard = new AuthGuard(
      new Reflector(),
      verdicts.map(fixedStrategy),
      new AuthChallenge(['bearer'], undefined),
      config,
      new AuthEvents().on('failure', (failure) => failures.push(failure)),
    );
    const authFailures = {
      count: async () => {
        counted += 1;
        return Promise.resolve();
      },
    };
    return RequestContext.run({ correlationId: 'test-0001', authFailures }, async () =>
      guard.canActivate(context).then(
        () => 'accepted',
        (error: unknown) => (error as { code: string }).code,
      ),
    );
  };

  beforeEach(() => {
    counted = 0;
    failures = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('counts a credential no method accepted', async () => {
    expect(await outcomeOf(INVALID)).toBe(AuthErrorCode.INVALID_CREDENTIALS);
    expect(counted).toBe(1);
  });

  it('counts nothing for a request without credentials, an expired token, or an accepted one', async () => {
    expect(await outcomeOf(ABSENT)).toBe(AuthErrorCode.CREDENTIALS_REQUIRED);
    // No method configured at all: passport is handed no strategy name and everything is refused.
    expect(await outcomeOf()).toBe(AuthErrorCode.CREDENTIALS_REQUIRED);
    // An expired OAuth token that the static bearer method then does not know either: genuine once.
    expect(await outcomeOf(EXPIRED, INVALID)).toBe(AuthErrorCode.TOKEN_EXPIRED);
    expect(await outcomeOf(INVALID, { id: 'alice', method: 'bearer', scopes: undefined })).toBe('accepted');
    expect(counted).toBe(0);
  });

  it('tells every refusal by the method that refused and a bounded reason, an expired token first', async () => {
    await outcomeOf(ABSENT);
    await outcomeOf(INVALID);
    await outcomeOf(INVALID, EXPIRED);
    expect(failures).toEqual([
      { method: 'missing', reason: 'missing' },
      { method: 'bearer', reason: 'invalid' },
      { method: 'bearer', reason: 'expired' },
    ]);
  });
});

describe('AuthGuard and the request context', () => {
  const alice = fixedStrategy({ id: 'alice', method: 'bearer', scopes: ['bitbucket:read'] });
  const guard = (): AuthGuard =>
    new AuthGuard(new Reflector(), [alice], new AuthChallenge(['bearer'], undefined), config, new AuthEvents());

  it('puts the accepted principal and its tool access in the request context', async () => {
    const data: RequestContextData = { correlationId: 'test-0002' };
    expect(await RequestContext.run(data, async () => guard().canActivate(context))).toBe(true);
    expect(data.principalId).toBe('bearer:alice');
    expect(data.toolAccess).toBeDefined();
  });

  it('refuses an accepted credential outside any request context, where no later check could know the caller', async () => {
    await expect(guard().canActivate(context)).rejects.toThrow(/No request context for authentication: refused/);
  });
});
