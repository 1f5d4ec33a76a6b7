/**
 * The environment variables whose values are credentials: every variable a config namespace marks
 * `secret` (test/secret-variables.spec.ts keeps this list equal to them), plus the OAuth fixture's
 * client secret. `entries` ones hold `principal:secret[scopes]` lists; `url` ones may carry a password.
 */
export const SECRET_VARIABLES: Readonly<Record<string, 'value' | 'entries' | 'url'>> = {
  OAUTH_CLIENT_SECRET: 'value',
  AUTH_BEARER_TOKENS: 'entries',
  AUTH_API_KEYS: 'entries',
  BITBUCKET_API_TOKEN: 'value',
  BITBUCKET_ACCESS_TOKEN: 'value',
  BITBUCKET_OAUTH_CLIENT_SECRET: 'value',
  BITBUCKET_OAUTH_REFRESH_TOKEN: 'value',
  BITBUCKET_PASSWORD: 'value',
  BITBUCKET_CLIENT_KEY_PASSPHRASE: 'value',
  BITBUCKET_CURSOR_SECRET: 'value',
  REDIS_URL: 'url',
  OAUTH_FIXTURE_CLIENT_SECRET: 'value',
};
