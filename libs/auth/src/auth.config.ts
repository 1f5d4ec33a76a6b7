import { defineConfig, env } from '@app/config';
import type { ConfigType } from '@nestjs/config';
import { existsSync, readFileSync } from 'node:fs';
import { AUTH_METHODS } from './auth-method';
import { parseStaticCredentials, type StaticCredentialEntry } from './credentials/static-credential-entry';

const JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** The inline value, else the file's content (Kubernetes secrets mounted as files). */
function inlineOrFile(inline: string | undefined, file: string | undefined): string {
  if (inline !== undefined) return inline;
  return file === undefined ? '' : readFileSync(file, 'utf8');
}

const credentials = (inline: string | undefined, file: string | undefined): StaticCredentialEntry[] =>
  parseStaticCredentials(inlineOrFile(inline, file)).entries;

export const authConfig = defineConfig({
  namespace: 'auth',
  title: 'Client authentication',
  variables: {
    AUTH_METHODS: env.list({
      default: ['oauth2', 'bearer', 'apikey'],
      itemPattern: new RegExp(`^(${AUTH_METHODS.join('|')})$`),
      itemExpects: `methods (${AUTH_METHODS.join(', ')})`,
      description:
        'Inbound authentication methods, tried in this order; a method without its settings is skipped. `none` (no authentication) is accepted only when HOST is a loopback address.',
      example: 'oauth2,apikey',
    }),
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
    AUTH_READ_SCOPE: env.string({
      default: 'bitbucket:read',
      expects: 'a scope name',
      pattern: /^[\x21\x23-\x5B\x5D-\x7E]+$/,
      description: 'Scope a credential needs to call tools that only read Bitbucket (the write scope also grants it).',
    }),
    AUTH_WRITE_SCOPE: env.string({
      default: 'bitbucket:write',
      expects: 'a scope name',
      pattern: /^[\x21\x23-\x5B\x5D-\x7E]+$/,
      description: 'Scope a credential needs to call tools that change Bitbucket.',
    }),
    AUTH_BEARER_TOKENS: env.string({
      description:
        'Static bearer tokens, comma-separated `principal:secret` (secret of 16+ characters), each optionally limited to scopes: `ci:s3cret-value-1234[bitbucket:read]`. Stored hashed, compared in constant time.',
      secret: true,
    }),
    AUTH_BEARER_TOKENS_FILE: env.string({
      description:
        'A file holding AUTH_BEARER_TOKENS entries (one per line or comma-separated), instead of the variable.',
      example: '/run/secrets/mcp-bearer-tokens',
    }),
    AUTH_API_KEYS: env.string({
      description:
        'API keys, sent in the X-API-Key header (never a query string), comma-separated `principal:key`, optionally `[scopes]` as for AUTH_BEARER_TOKENS.',
      secret: true,
    }),
    AUTH_API_KEYS_FILE: env.string({
      description: 'A file holding AUTH_API_KEYS entries, instead of the variable.',
      example: '/run/secrets/mcp-api-keys',
    }),
  },
  refine: (v, ctx) => {
    for (const [inline, file, name] of [
      [v.AUTH_BEARER_TOKENS, v.AUTH_BEARER_TOKENS_FILE, 'AUTH_BEARER_TOKENS'],
      [v.AUTH_API_KEYS, v.AUTH_API_KEYS_FILE, 'AUTH_API_KEYS'],
    ] as const) {
      if (inline !== undefined && file !== undefined) {
        ctx.addIssue({ code: 'custom', path: [`${name}_FILE`], message: `set ${name} or ${name}_FILE, not both` });
        continue;
      }
      if (file !== undefined && !existsSync(file)) {
        ctx.addIssue({ code: 'custom', path: [`${name}_FILE`], message: `no such file: ${file}` });
        continue;
      }
      const { invalid } = parseStaticCredentials(inlineOrFile(inline, file));
      if (invalid.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: [file === undefined ? name : `${name}_FILE`],
          message: `entries ${invalid.join(', ')} are not principal:secret (secret of 16+ characters, optional [scopes])`,
        });
      }
    }
    if ((v.OAUTH_CLIENT_ID === undefined) !== (v.OAUTH_CLIENT_SECRET === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.OAUTH_CLIENT_ID === undefined ? 'OAUTH_CLIENT_ID' : 'OAUTH_CLIENT_SECRET'],
        message: 'set OAUTH_CLIENT_ID and OAUTH_CLIENT_SECRET together',
      });
    }
  },
  map: (v) => ({
    methods: v.AUTH_METHODS as (typeof AUTH_METHODS)[number][],
    oauth: {
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
    },
    scopes: { read: v.AUTH_READ_SCOPE, write: v.AUTH_WRITE_SCOPE },
    bearerTokens: credentials(v.AUTH_BEARER_TOKENS, v.AUTH_BEARER_TOKENS_FILE),
    apiKeys: credentials(v.AUTH_API_KEYS, v.AUTH_API_KEYS_FILE),
  }),
});

export type AuthConfig = ConfigType<typeof authConfig>;
