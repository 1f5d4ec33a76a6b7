import { defineStaticCredentialsConfig } from '../credentials/static-credentials.config';

export const apiKeyAuthConfig = defineStaticCredentialsConfig({
  namespace: 'apiKeyAuth',
  title: 'Client authentication: API keys (`apikey`)',
  variable: 'AUTH_API_KEYS',
  description:
    'API keys, sent in the X-API-Key header (never a query string), comma-separated `principal:key`, optionally `[scopes]` as for AUTH_BEARER_TOKENS.',
  fileDescription: 'A file holding AUTH_API_KEYS entries, instead of the variable.',
  fileExample: '/run/secrets/mcp-api-keys',
});
