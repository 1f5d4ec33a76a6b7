import { defineConfig, env } from '@app/config';
import type { ConfigType } from '@nestjs/config';

const JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export const oauth2AuthConfig = defineConfig({
  namespace: 'oauth2Auth',
  title: 'Client authentication: OAuth 2.0 access tokens (`oauth2`)',
  variables: {
    OAUTH_ISSUER: env.url({
      description:
        'OAuth 2.0 authorization server (issuer). Its metadata gives the JWKS and introspection endpoints unless set below; tokens must carry this `iss`.',
      example: 'https://login.example.com/realms/dev',
    }),
    OAUTH_AUDIENCE: env.string({
      description:
        'The `aud` access tokens must carry; defaults to this server’s MCP resource URL (PUBLIC_URL + /mcp).',
      example: 'https://mcp.example.com/mcp',
    }),
    OAUTH_JWKS_URI: env.url({ description: 'JWKS of the issuer, when its metadata does not name one.' }),
    OAUTH_INTROSPECTION_URL: env.url({
      description: 'RFC 7662 introspection endpoint for opaque (non-JWT) access tokens.',
    }),
    OAUTH_CLIENT_ID: env.string({
      description: 'Client id this server authenticates with at the introspection endpoint.',
    }),
    OAUTH_CLIENT_SECRET: env.string({ description: 'Secret of OAUTH_CLIENT_ID.', secret: true }),
    OAUTH_ALGORITHMS: env.list({
      default: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      itemPattern: new RegExp(`^(${JWT_ALGORITHMS.join('|')})$`),
      itemExpects: `asymmetric JWS algorithms (${JWT_ALGORITHMS.join(', ')})`,
      description: 'Signature algorithms accepted on access tokens; `none` and shared-secret (HS*) ones never are.',
    }),
    OAUTH_CLOCK_SKEW_SECONDS: env.integer({
      default: 30,
      min: 0,
      max: 600,
      description: 'Tolerance on `exp` and `nbf` for clocks that disagree slightly.',
    }),
    OAUTH_JWKS_REFRESH_MS: env.integer({
      default: 600000,
      min: 10000,
      max: 86400000,
      description:
        'How often the JWKS is refetched; an unknown `kid` refetches at once (see OAUTH_JWKS_MIN_REFETCH_MS). The last good JWKS is kept while the issuer is unreachable.',
    }),
    OAUTH_JWKS_MIN_REFETCH_MS: env.integer({
      default: 10000,
      min: 0,
      max: 3600000,
      description:
        'Least time between two JWKS fetches caused by unknown `kid`s, so forged tokens cannot flood the issuer.',
    }),
    OAUTH_INTROSPECTION_CACHE_MS: env.integer({
      default: 30000,
      min: 0,
      max: 3600000,
      description:
        'Longest time an introspection answer is reused (never beyond the token’s own expiry); 0 disables the cache.',
    }),
  },
  refine: (v, ctx) => {
    if ((v.OAUTH_CLIENT_ID === undefined) !== (v.OAUTH_CLIENT_SECRET === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.OAUTH_CLIENT_ID === undefined ? 'OAUTH_CLIENT_ID' : 'OAUTH_CLIENT_SECRET'],
        message: 'set OAUTH_CLIENT_ID and OAUTH_CLIENT_SECRET together',
      });
    }
  },
  map: (v) => ({
    issuer: v.OAUTH_ISSUER?.replace(/\/+$/, ''),
    audience: v.OAUTH_AUDIENCE,
    jwksUri: v.OAUTH_JWKS_URI,
    introspectionUrl: v.OAUTH_INTROSPECTION_URL,
    clientId: v.OAUTH_CLIENT_ID,
    clientSecret: v.OAUTH_CLIENT_SECRET,
    algorithms: v.OAUTH_ALGORITHMS,
    clockSkewSeconds: v.OAUTH_CLOCK_SKEW_SECONDS,
    jwksRefreshMs: v.OAUTH_JWKS_REFRESH_MS,
    jwksMinRefetchMs: v.OAUTH_JWKS_MIN_REFETCH_MS,
    introspectionCacheMs: v.OAUTH_INTROSPECTION_CACHE_MS,
  }),
});

export type OAuth2AuthConfig = ConfigType<typeof oauth2AuthConfig>;
