import { defineStaticCredentialsConfig } from '../credentials/static-credentials.config';

export const bearerTokenAuthConfig = defineStaticCredentialsConfig({
  namespace: 'bearerTokenAuth',
  title: 'Client authentication: static bearer tokens (`bearer`)',
  variable: 'AUTH_BEARER_TOKENS',
  description:
    'Static bearer tokens, comma-separated `principal:secret` (secret of 16+ characters), each optionally limited to scopes: `ci:s3cret-value-1234[bitbucket:read]`. Stored hashed, compared in constant time.',
  fileDescription:
    'A file holding AUTH_BEARER_TOKENS entries (one per line or comma-separated), instead of the variable.',
  fileExample: '/run/secrets/mcp-bearer-tokens',
});
