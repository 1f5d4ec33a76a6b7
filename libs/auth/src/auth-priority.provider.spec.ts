import { httpServerConfig, type RawEnvironment } from '@app/config';
import { Logger } from '@nestjs/common';
import { authPriorityProvider } from './auth-priority.provider';
import { authConfig } from './auth.config';
import { AnonymousAuthStrategy } from './strategies/anonymous-auth.strategy';
import { apiKeyAuthConfig } from './strategies/api-key-auth.config';
import { ApiKeyAuthStrategy } from './strategies/api-key-auth.strategy';
import { bearerTokenAuthConfig } from './strategies/bearer-token-auth.config';
import { BearerTokenAuthStrategy } from './strategies/bearer-token-auth.strategy';
import { oauth2AuthConfig } from './strategies/oauth2-auth.config';
import { OAuth2AuthStrategy } from './strategies/oauth2-auth.strategy';

/** The active methods the provider orders for an environment, with every strategy built from it. */
function activeMethods(environment: RawEnvironment): unknown {
  const server = httpServerConfig.resolve(environment);
  const bearer = bearerTokenAuthConfig.resolve(environment);
  return authPriorityProvider.useFactory(
    authConfig.resolve(environment),
    new OAuth2AuthStrategy(oauth2AuthConfig.resolve(environment), bearer, server),
    new BearerTokenAuthStrategy(bearer),
    new ApiKeyAuthStrategy(apiKeyAuthConfig.resolve(environment)),
    new AnonymousAuthStrategy(server),
  );
}

describe('authPriorityProvider', () => {
  let warned: string[];

  beforeEach(() => {
    warned = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warned.push(String(message)));
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('orders the configured methods as AUTH_METHODS lists them and skips those without their settings', () => {
    expect(
      activeMethods({
        AUTH_METHODS: 'apikey,oauth2,bearer,none',
        AUTH_API_KEYS: 'ci:an-api-key-of-16-chars',
        OAUTH_ISSUER: 'https://issuer.example',
      }),
    ).toEqual(['apikey', 'oauth2', 'none']);
  });

  it('says so when no method is configured, and then refuses everything', () => {
    expect(activeMethods({ AUTH_METHODS: 'oauth2,bearer' })).toEqual([]);
    expect(warned).toEqual([expect.stringContaining('oauth2: no OAUTH_ISSUER; bearer: no AUTH_BEARER_TOKENS')]);
  });

  it('refuses to start with none unless bound to loopback', () => {
    expect(() => activeMethods({ AUTH_METHODS: 'none', HOST: '0.0.0.0' })).toThrow(
      /allowed only on a loopback address/,
    );
  });
});
