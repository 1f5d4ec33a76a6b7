import { httpServerConfig, type HttpServerConfig } from '@app/config';
import { Logger, type FactoryProvider } from '@nestjs/common';
import type { AuthMethod } from './auth-method';
import { authConfig, type AuthConfig } from './auth.config';
import { AUTH_STRATEGIES } from './auth.constants';
import { StaticCredentialSet } from './credentials/static-credential-set';
import { AuthorizationServerMetadata } from './oauth/authorization-server-metadata';
import { JwksCache } from './oauth/jwks-cache';
import { TokenIntrospector } from './oauth/token-introspector';
import { AnonymousAuthStrategy } from './strategies/anonymous-auth.strategy';
import { ApiKeyAuthStrategy } from './strategies/api-key-auth.strategy';
import type { AuthStrategy } from './strategies/auth-strategy';
import { BearerTokenAuthStrategy } from './strategies/bearer-token-auth.strategy';
import { OAuth2AuthStrategy } from './strategies/oauth2-auth.strategy';

function oauth2(config: AuthConfig, server: HttpServerConfig): AuthStrategy | string {
  const { oauth } = config;
  if (oauth.issuer === undefined) return 'no OAUTH_ISSUER';
  const metadata = new AuthorizationServerMetadata(oauth.issuer, {
    ...(oauth.jwksUri === undefined ? {} : { jwksUri: oauth.jwksUri }),
    ...(oauth.introspectionUrl === undefined ? {} : { introspectionUrl: oauth.introspectionUrl }),
  });
  const jwks = new JwksCache(
    async () => (await metadata.endpoints()).jwksUri,
    oauth.jwksRefreshMs,
    oauth.jwksMinRefetchMs,
  );
  const client =
    oauth.clientId === undefined || oauth.clientSecret === undefined
      ? undefined
      : { id: oauth.clientId, secret: oauth.clientSecret };
  const introspector = new TokenIntrospector(
    async () => (await metadata.endpoints()).introspectionUrl,
    client,
    oauth.introspectionCacheMs,
  );
  return new OAuth2AuthStrategy(
    {
      issuer: oauth.issuer,
      audience: oauth.audience ?? server.mcpResourceUrl,
      algorithms: oauth.algorithms,
      clockSkewSeconds: oauth.clockSkewSeconds,
    },
    jwks,
    introspector,
    new StaticCredentialSet(config.bearerTokens),
  );
}

/** A strategy for `method`, or why the method is not configured. */
function strategyFor(method: AuthMethod, config: AuthConfig, server: HttpServerConfig): AuthStrategy | string {
  switch (method) {
    case 'oauth2':
      return oauth2(config, server);
    case 'bearer':
      return config.bearerTokens.length === 0
        ? 'no AUTH_BEARER_TOKENS'
        : new BearerTokenAuthStrategy(config.bearerTokens);
    case 'apikey':
      return config.apiKeys.length === 0 ? 'no AUTH_API_KEYS' : new ApiKeyAuthStrategy(config.apiKeys);
    case 'none':
      if (!server.loopback) {
        throw new Error(
          `AUTH_METHODS includes none (no authentication) but HOST is ${server.host}: allowed only on a loopback address`,
        );
      }
      return new AnonymousAuthStrategy();
  }
}

/** The configured strategies in AUTH_METHODS order; methods without their settings are skipped, and said so. */
export const authPriorityProvider: FactoryProvider<AuthStrategy[]> = {
  provide: AUTH_STRATEGIES,
  inject: [authConfig.KEY, httpServerConfig.KEY],
  useFactory: (config: AuthConfig, server: HttpServerConfig) => {
    const logger = new Logger('Auth');
    const strategies: AuthStrategy[] = [];
    const skipped: string[] = [];
    for (const method of config.methods) {
      const strategy = strategyFor(method, config, server);
      if (typeof strategy === 'string') skipped.push(`${method}: ${strategy}`);
      else strategies.push(strategy);
    }
    if (strategies.length === 0) {
      logger.warn(
        `No inbound authentication method is configured (${skipped.join('; ')}): every MCP request will be refused with 401.`,
      );
    } else {
      logger.log(
        `Inbound authentication, in order: ${strategies.map((s) => s.method).join(', ')}${skipped.length === 0 ? '' : ` (skipped ${skipped.join('; ')})`}`,
      );
    }
    return strategies;
  },
};
