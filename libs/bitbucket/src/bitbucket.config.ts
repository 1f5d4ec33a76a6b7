import { defineConfig, env } from '@app/config';
import type { ConfigType } from '@nestjs/config';
import { detectBitbucketFlavor } from './bitbucket-flavor';

const CLOUD_API_HOST = 'api.bitbucket.org';

function defaultTokenUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  // Cloud's OAuth endpoints live on the web host, not the API host (docs/bitbucket-api.md#cloud-hosts-and-identifiers).
  return url.hostname === CLOUD_API_HOST
    ? 'https://bitbucket.org/site/oauth2/access_token'
    : `${url.origin}/site/oauth2/access_token`;
}

export const bitbucketConfig = defineConfig({
  namespace: 'bitbucket',
  title: 'Bitbucket upstream',
  variables: {
    BITBUCKET_URL: env.url({
      default: 'https://api.bitbucket.org/2.0',
      description:
        'Bitbucket REST base URL: https://api.bitbucket.org/2.0 for Cloud, or the Data Center base URL (the part before /rest).',
      example: 'https://bitbucket.example.com',
    }),
    BITBUCKET_FLAVOR: env.oneOf(['cloud', 'datacenter'], {
      description:
        'Overrides the flavor detected from BITBUCKET_URL (Cloud when it is api.bitbucket.org or ends in /2.0).',
    }),
    BITBUCKET_EMAIL: env.string({
      description: 'Cloud: the Atlassian account email that goes with BITBUCKET_API_TOKEN (HTTP Basic email:token).',
      example: 'jane@example.com',
    }),
    BITBUCKET_API_TOKEN: env.string({
      description: 'Cloud: an Atlassian API token with Bitbucket scopes, used with BITBUCKET_EMAIL.',
      secret: true,
    }),
    BITBUCKET_ACCESS_TOKEN: env.string({
      description:
        'A bearer token: a Cloud workspace, project or repository access token, or a Data Center HTTP access token.',
      secret: true,
    }),
    BITBUCKET_OAUTH_CLIENT_ID: env.string({
      description:
        'Cloud: OAuth 2.0 consumer key; the server obtains and refreshes tokens itself (client credentials).',
    }),
    BITBUCKET_OAUTH_CLIENT_SECRET: env.string({
      description: 'Cloud: OAuth 2.0 consumer secret, used with BITBUCKET_OAUTH_CLIENT_ID.',
      secret: true,
    }),
    BITBUCKET_OAUTH_REFRESH_TOKEN: env.string({
      description:
        'Cloud: a refresh token from an authorization-code flow done elsewhere; with it the server uses the refresh-token grant instead of client credentials.',
      secret: true,
    }),
    BITBUCKET_OAUTH_TOKEN_URL: env.url({
      description:
        'OAuth token endpoint; defaults to https://bitbucket.org/site/oauth2/access_token for Cloud, <origin>/site/oauth2/access_token otherwise.',
    }),
    BITBUCKET_USERNAME: env.string({
      description:
        'Data Center: user name for HTTP Basic. Cloud: the user name of a (deprecated) app password; app passwords stopped working on 2026-06-09.',
    }),
    BITBUCKET_PASSWORD: env.string({
      description: 'Password (Data Center) or app password (Cloud, deprecated) for BITBUCKET_USERNAME.',
      secret: true,
    }),
    BITBUCKET_TIMEOUT_MS: env.integer({
      default: 10000,
      min: 100,
      max: 300000,
      description: 'Time limit of one request to Bitbucket, from sending to the last byte of the answer.',
    }),
    BITBUCKET_MAX_CONNECTIONS: env.integer({
      default: 32,
      min: 1,
      max: 1024,
      description: 'Most simultaneous connections to Bitbucket (keep-alive pool); further requests queue.',
    }),
    BITBUCKET_RETRY_MAX: env.integer({
      default: 2,
      min: 0,
      max: 5,
      description: 'Retries of an idempotent GET after a timeout, a 5xx or a 429; writes are never retried.',
    }),
    BITBUCKET_RETRY_BASE_DELAY_MS: env.integer({
      default: 200,
      min: 0,
      max: 60000,
      description: 'First retry delay; it doubles each retry, with full jitter. Retry-After, when sent, wins.',
    }),
    BITBUCKET_RETRY_MAX_DELAY_MS: env.integer({
      default: 5000,
      min: 0,
      max: 300000,
      description:
        'Longest wait before a retry (also caps a Retry-After); a longer Retry-After fails the call at once.',
    }),
    BITBUCKET_BREAKER_ENABLED: env.boolean({
      default: true,
      description:
        'Circuit breaker on calls to Bitbucket: while open, calls fail at once instead of waiting on an outage.',
    }),
    BITBUCKET_BREAKER_TIMEOUT_MS: env.integer({
      default: 15000,
      min: 100,
      max: 600000,
      description: 'A call (including its response body) taking longer than this counts as a failure for the breaker.',
    }),
    BITBUCKET_BREAKER_ERROR_THRESHOLD_PERCENTAGE: env.integer({
      default: 50,
      min: 1,
      max: 100,
      description: 'Share of failed calls within the rolling window that opens the breaker.',
    }),
    BITBUCKET_BREAKER_VOLUME_THRESHOLD: env.integer({
      default: 10,
      min: 1,
      max: 10000,
      description: 'Calls the rolling window must hold before the breaker may open at all.',
    }),
    BITBUCKET_BREAKER_ROLLING_WINDOW_MS: env.integer({
      default: 10000,
      min: 1000,
      max: 600000,
      description: 'Length of the window over which failures are counted.',
    }),
    BITBUCKET_BREAKER_RESET_TIMEOUT_MS: env.integer({
      default: 30000,
      min: 100,
      max: 3600000,
      description: 'How long the breaker stays open before letting one trial call through (half-open).',
    }),
    BITBUCKET_CA_FILE: env.string({
      description: 'PEM file of extra certificate authorities to trust (a Data Center behind a private CA).',
      example: '/etc/ssl/private-ca.pem',
    }),
    BITBUCKET_CLIENT_CERT_FILE: env.string({
      description: 'PEM client certificate for mutual TLS to Data Center (with BITBUCKET_CLIENT_KEY_FILE).',
    }),
    BITBUCKET_CLIENT_KEY_FILE: env.string({ description: 'PEM private key of BITBUCKET_CLIENT_CERT_FILE.' }),
    BITBUCKET_CLIENT_KEY_PASSPHRASE: env.string({
      description: 'Passphrase of BITBUCKET_CLIENT_KEY_FILE, when it is encrypted.',
      secret: true,
    }),
    HTTPS_PROXY: env.url({ description: 'Proxy for HTTPS requests to Bitbucket (the standard variable).' }),
    HTTP_PROXY: env.url({ description: 'Proxy for plain-HTTP requests to Bitbucket (the standard variable).' }),
    NO_PROXY: env.string({
      description: 'Comma-separated hosts (or .domains, or *) reached without the proxy (the standard variable).',
      example: 'localhost,127.0.0.1,.internal.example.com',
    }),
    BITBUCKET_CURSOR_SECRET: env.string({
      description:
        'Key that signs the page cursors tools hand out, so a cursor cannot be forged or altered. Set the same value on every replica, so any replica continues any cursor; unset, a random key is made at start (cursors then end with the process and other replicas refuse them).',
      expects: 'at least 32 characters, no spaces',
      pattern: /^\S{32,}$/,
      secret: true,
    }),
  },
  refine: (v, ctx) => {
    const pairs: [string | undefined, string | undefined, string, string][] = [
      [v.BITBUCKET_EMAIL, v.BITBUCKET_API_TOKEN, 'BITBUCKET_EMAIL', 'BITBUCKET_API_TOKEN'],
      [
        v.BITBUCKET_OAUTH_CLIENT_ID,
        v.BITBUCKET_OAUTH_CLIENT_SECRET,
        'BITBUCKET_OAUTH_CLIENT_ID',
        'BITBUCKET_OAUTH_CLIENT_SECRET',
      ],
      [v.BITBUCKET_USERNAME, v.BITBUCKET_PASSWORD, 'BITBUCKET_USERNAME', 'BITBUCKET_PASSWORD'],
      [
        v.BITBUCKET_CLIENT_CERT_FILE,
        v.BITBUCKET_CLIENT_KEY_FILE,
        'BITBUCKET_CLIENT_CERT_FILE',
        'BITBUCKET_CLIENT_KEY_FILE',
      ],
    ];
    for (const [a, b, nameA, nameB] of pairs) {
      if ((a === undefined) !== (b === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [a === undefined ? nameA : nameB],
          message: `set ${nameA} and ${nameB} together`,
        });
      }
    }
    const kinds = [
      v.BITBUCKET_API_TOKEN && 'BITBUCKET_EMAIL/BITBUCKET_API_TOKEN',
      v.BITBUCKET_ACCESS_TOKEN && 'BITBUCKET_ACCESS_TOKEN',
      v.BITBUCKET_OAUTH_CLIENT_ID && 'BITBUCKET_OAUTH_CLIENT_ID/BITBUCKET_OAUTH_CLIENT_SECRET',
      v.BITBUCKET_USERNAME && 'BITBUCKET_USERNAME/BITBUCKET_PASSWORD',
    ].filter((kind): kind is string => typeof kind === 'string');
    if (kinds.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['BITBUCKET_ACCESS_TOKEN'],
        message: `choose one kind of Bitbucket credential, not ${kinds.join(' and ')}`,
      });
    }
    // Cross-field rules run even when a field failed on its own: an invalid URL is already reported.
    if (!URL.canParse(v.BITBUCKET_URL)) return;
    const flavor = v.BITBUCKET_FLAVOR ?? detectBitbucketFlavor(v.BITBUCKET_URL);
    if (flavor === 'datacenter' && v.BITBUCKET_API_TOKEN !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['BITBUCKET_API_TOKEN'],
        message:
          'Atlassian API tokens work only with Bitbucket Cloud; for Data Center use BITBUCKET_ACCESS_TOKEN (an HTTP access token) or BITBUCKET_USERNAME/BITBUCKET_PASSWORD',
      });
    }
    if (flavor === 'datacenter' && v.BITBUCKET_OAUTH_CLIENT_ID !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['BITBUCKET_OAUTH_CLIENT_ID'],
        message: 'OAuth client credentials are a Bitbucket Cloud feature; for Data Center use an HTTP access token',
      });
    }
  },
  map: (v) => {
    const flavor = v.BITBUCKET_FLAVOR ?? detectBitbucketFlavor(v.BITBUCKET_URL);
    return {
      baseUrl: v.BITBUCKET_URL.replace(/\/+$/, ''),
      flavor,
      cursorSecret: v.BITBUCKET_CURSOR_SECRET,
      credentials: {
        email: v.BITBUCKET_EMAIL,
        apiToken: v.BITBUCKET_API_TOKEN,
        accessToken: v.BITBUCKET_ACCESS_TOKEN,
        oauthClientId: v.BITBUCKET_OAUTH_CLIENT_ID,
        oauthClientSecret: v.BITBUCKET_OAUTH_CLIENT_SECRET,
        oauthRefreshToken: v.BITBUCKET_OAUTH_REFRESH_TOKEN,
        oauthTokenUrl: v.BITBUCKET_OAUTH_TOKEN_URL ?? defaultTokenUrl(v.BITBUCKET_URL),
        username: v.BITBUCKET_USERNAME,
        password: v.BITBUCKET_PASSWORD,
      },
      http: {
        timeoutMs: v.BITBUCKET_TIMEOUT_MS,
        maxConnections: v.BITBUCKET_MAX_CONNECTIONS,
        caFile: v.BITBUCKET_CA_FILE,
        clientCertFile: v.BITBUCKET_CLIENT_CERT_FILE,
        clientKeyFile: v.BITBUCKET_CLIENT_KEY_FILE,
        clientKeyPassphrase: v.BITBUCKET_CLIENT_KEY_PASSPHRASE,
        httpsProxy: v.HTTPS_PROXY,
        httpProxy: v.HTTP_PROXY,
        noProxy: v.NO_PROXY,
      },
      retry: {
        maxRetries: v.BITBUCKET_RETRY_MAX,
        baseDelayMs: v.BITBUCKET_RETRY_BASE_DELAY_MS,
        maxDelayMs: v.BITBUCKET_RETRY_MAX_DELAY_MS,
      },
      breaker: {
        enabled: v.BITBUCKET_BREAKER_ENABLED,
        timeoutMs: v.BITBUCKET_BREAKER_TIMEOUT_MS,
        errorThresholdPercentage: v.BITBUCKET_BREAKER_ERROR_THRESHOLD_PERCENTAGE,
        volumeThreshold: v.BITBUCKET_BREAKER_VOLUME_THRESHOLD,
        rollingWindowMs: v.BITBUCKET_BREAKER_ROLLING_WINDOW_MS,
        resetTimeoutMs: v.BITBUCKET_BREAKER_RESET_TIMEOUT_MS,
      },
    };
  },
});

export type BitbucketConfig = ConfigType<typeof bitbucketConfig>;
