/** Credentials the fake accepts, documented in apps/fake-bitbucket/README.md. Not secrets: test fixtures. */
export const SEED_CREDENTIALS = {
  /** Cloud API tokens, sent as HTTP Basic `email:token`. */
  cloudApiTokens: [
    { email: 'alice@acme.example', token: 'ATATT-fake-alice', user: 'alice' },
    { email: 'bob@acme.example', token: 'ATATT-fake-bob', user: 'bob' },
    { email: 'carol@acme.example', token: 'ATATT-fake-carol', user: 'carol' },
    { email: 'dave@acme.example', token: 'ATATT-fake-dave', user: 'dave' },
    { email: 'erin@acme.example', token: 'ATATT-fake-erin', user: 'erin' },
    { email: 'frank@acme.example', token: 'ATATT-fake-frank', user: 'frank' },
  ],
  /** Deprecated Cloud app passwords, sent as HTTP Basic `username:app_password`. */
  cloudAppPasswords: [{ username: 'alice', password: 'fake-app-password-alice', user: 'alice' }],
  /** Cloud workspace/repository access tokens, sent as Bearer; they act as the Acme CI bot. */
  cloudAccessTokens: [{ token: 'fake-cloud-access-token-acme', user: 'ci-bot' }],
  /** Cloud OAuth consumer (client credentials and refresh-token grants); tokens act as its owner. */
  oauthConsumers: [{ clientId: 'fake-oauth-client-id', secret: 'fake-oauth-client-secret', owner: 'alice' }],
  /** Data Center HTTP Basic `username:password`. */
  datacenterPasswords: [
    { username: 'alice', password: 'alice-password', user: 'alice' },
    { username: 'bob', password: 'bob-password', user: 'bob' },
    { username: 'carol', password: 'carol-password', user: 'carol' },
    { username: 'dave', password: 'dave-password', user: 'dave' },
    { username: 'erin', password: 'erin-password', user: 'erin' },
    { username: 'frank', password: 'frank-password', user: 'frank' },
  ],
  /** Data Center HTTP access tokens (personal, or a project token acting as the CI bot), sent as Bearer. */
  datacenterTokens: [
    { token: 'fake-dc-token-alice', user: 'alice' },
    { token: 'fake-dc-token-bob', user: 'bob' },
    { token: 'fake-dc-project-token-plat', user: 'ci-bot' },
  ],
} as const;
