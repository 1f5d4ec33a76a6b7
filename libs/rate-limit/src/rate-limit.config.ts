import { defineConfig, env } from '@app/config';
import type { ConfigType } from '@nestjs/config';

const MAX_COUNT = 10_000_000;
const MIN_WINDOW_MS = 1000;
const MAX_WINDOW_MS = 86_400_000;

export const rateLimitConfig = defineConfig({
  namespace: 'rateLimit',
  title: 'Rate limits',
  variables: {
    RATE_LIMIT_ENABLED: env.boolean({
      default: true,
      description:
        'Rate limits on the MCP endpoints and the OAuth metadata (never on /health/*). Turn them off only where something in front of the server limits instead.',
    }),
    RATE_LIMIT_IP_LIMIT: env.integer({
      default: 1200,
      min: 1,
      max: MAX_COUNT,
      description:
        'Requests one client address may make per RATE_LIMIT_IP_TTL_MS, counted before authentication (refused credentials included). The address is the peer, or the X-Forwarded-For client when TRUST_PROXY trusts the peer: set TRUST_PROXY behind a proxy, or every client shares its address.',
    }),
    RATE_LIMIT_IP_TTL_MS: env.integer({
      default: 60000,
      min: MIN_WINDOW_MS,
      max: MAX_WINDOW_MS,
      description: 'Window of RATE_LIMIT_IP_LIMIT; an address over it is refused until its window ends.',
    }),
    RATE_LIMIT_USER_LIMIT: env.integer({
      default: 600,
      min: 1,
      max: MAX_COUNT,
      description:
        'Requests one authenticated principal may make per RATE_LIMIT_USER_TTL_MS, from any address, counted after authentication.',
    }),
    RATE_LIMIT_USER_TTL_MS: env.integer({
      default: 60000,
      min: MIN_WINDOW_MS,
      max: MAX_WINDOW_MS,
      description: 'Window of RATE_LIMIT_USER_LIMIT; a principal over it is refused until its window ends.',
    }),
    RATE_LIMIT_AUTH_FAILURE_LIMIT: env.integer({
      default: 20,
      min: 1,
      max: MAX_COUNT,
      description:
        'Refused credentials (a wrong token or API key; not an expired token, not a request without any) one client address may send per RATE_LIMIT_AUTH_FAILURE_TTL_MS. Once it has, every request from it is refused, valid credentials included, for RATE_LIMIT_AUTH_FAILURE_TTL_MS.',
    }),
    RATE_LIMIT_AUTH_FAILURE_TTL_MS: env.integer({
      default: 300000,
      min: MIN_WINDOW_MS,
      max: MAX_WINDOW_MS,
      description: 'Window of RATE_LIMIT_AUTH_FAILURE_LIMIT, and how long an address that reached it stays refused.',
    }),
    RATE_LIMIT_WRITE_LIMIT: env.integer({
      default: 60,
      min: 0,
      max: MAX_COUNT,
      description:
        'Calls of tools that change Bitbucket (tools/call of a tool not marked read-only) one principal may make per RATE_LIMIT_WRITE_TTL_MS, on top of RATE_LIMIT_USER_LIMIT; 0 turns this limit off.',
    }),
    RATE_LIMIT_WRITE_TTL_MS: env.integer({
      default: 60000,
      min: MIN_WINDOW_MS,
      max: MAX_WINDOW_MS,
      description: 'Window of RATE_LIMIT_WRITE_LIMIT.',
    }),
    RATE_LIMIT_FAIL_CLOSED: env.boolean({
      default: false,
      description:
        'With REDIS_URL, while Redis is away: true refuses every limited request (503 with Retry-After); false (the default) counts in each replica instead, so the limits hold per replica until Redis answers again.',
    }),
    RATE_LIMIT_REDIS_TIMEOUT_MS: env.integer({
      default: 100,
      min: 5,
      max: 5000,
      description:
        'With REDIS_URL: how long one counter update may wait for Redis; a slower or failed one is handled as if Redis were away (see RATE_LIMIT_FAIL_CLOSED).',
    }),
  },
  map: (v) => ({
    enabled: v.RATE_LIMIT_ENABLED,
    ip: { limit: v.RATE_LIMIT_IP_LIMIT, ttlMs: v.RATE_LIMIT_IP_TTL_MS },
    user: { limit: v.RATE_LIMIT_USER_LIMIT, ttlMs: v.RATE_LIMIT_USER_TTL_MS },
    authFailures: { limit: v.RATE_LIMIT_AUTH_FAILURE_LIMIT, ttlMs: v.RATE_LIMIT_AUTH_FAILURE_TTL_MS },
    /** Undefined when RATE_LIMIT_WRITE_LIMIT is 0. */
    writeTools:
      v.RATE_LIMIT_WRITE_LIMIT === 0
        ? undefined
        : { limit: v.RATE_LIMIT_WRITE_LIMIT, ttlMs: v.RATE_LIMIT_WRITE_TTL_MS },
    failClosed: v.RATE_LIMIT_FAIL_CLOSED,
    redisTimeoutMs: v.RATE_LIMIT_REDIS_TIMEOUT_MS,
  }),
});

export type RateLimitConfig = ConfigType<typeof rateLimitConfig>;
