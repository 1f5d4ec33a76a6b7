import type { ConfigType } from '@nestjs/config';
import { defineConfig, env } from '@app/config';

/** An origin (`https://app.example.com`) or a regular expression between slashes (`/^https:\/\/.*\.example\.com$/`). */
const ORIGIN_ENTRY = /^(https?:\/\/[^/\s,]+|\/.+\/)$/;

export const transportConfig = defineConfig({
  namespace: 'transport',
  title: 'MCP transports (Streamable HTTP, legacy SSE)',
  variables: {
    MCP_STATELESS: env.boolean({
      default: false,
      description:
        'No sessions: every POST /mcp stands alone (for load balancers without session affinity); GET and DELETE /mcp answer 405.',
    }),
    MCP_SESSION_ROUTE: env.string({
      expects: 'a route: 1 to 32 lower-case letters, digits or hyphens',
      pattern: /^[a-z0-9-]{1,32}$/,
      description:
        "This replica's route, different on each replica: session ids (Mcp-Session-Id, the legacy sessionId) end with `.<route>`, so a proxy in front can send every request of a session to the replica that holds it (deploy/nginx/mcp-replicas.conf.template, docs/operations.md). Unset: plain UUIDs.",
      example: 'replica-1',
    }),
    MCP_MAX_SESSIONS: env.integer({
      default: 10000,
      min: 1,
      max: 1000000,
      description:
        'Most open sessions (Streamable HTTP and legacy SSE together); a new one beyond it gets 503 with Retry-After.',
    }),
    MCP_MAX_SESSIONS_PER_PRINCIPAL: env.integer({
      default: 100,
      min: 1,
      max: 1000000,
      description:
        'Most open sessions one principal (a user, an API key) may hold, both transports together, so one client cannot fill MCP_MAX_SESSIONS; a new one beyond it gets 429 MCP_SESSION_QUOTA with Retry-After. The local user of AUTH_METHODS=none is not counted (loopback only: every caller is that one user).',
    }),
    MCP_SESSION_IDLE_TTL_MS: env.integer({
      default: 1800000,
      min: 1000,
      max: 86400000,
      description: 'A session without any request or open stream for this long is closed and forgotten.',
    }),
    MCP_MAX_BODY_BYTES: env.integer({
      default: 1048576,
      min: 1024,
      max: 67108864,
      description:
        'Largest JSON-RPC body a POST may carry; a larger one, with a Content-Length or chunked, is refused with 413 and Connection: close before it is parsed, and never kept in memory.',
    }),
    MCP_EVENT_STORE_MAX_EVENTS: env.integer({
      default: 10000,
      min: 10,
      max: 10000000,
      description:
        'Events kept for resumption (Last-Event-ID), all streams together in memory, per stream in Redis; the oldest go first.',
    }),
    MCP_EVENT_STORE_TTL_MS: env.integer({
      default: 900000,
      min: 1000,
      max: 86400000,
      description: 'How long an event stays available for resumption.',
    }),
    MCP_EVENT_STORE_TIMEOUT_MS: env.integer({
      default: 300,
      min: 10,
      max: 10000,
      description:
        'With REDIS_URL: how long one event-store call may wait for Redis. A call that fails or takes longer is given up: streams go on without resumability until Redis answers again. Keep it below HEALTH_CHECK_TIMEOUT_MS.',
    }),
    MCP_SSE_KEEPALIVE_MS: env.integer({
      default: 15000,
      min: 1000,
      max: 300000,
      description: 'Interval of keep-alive comments on open SSE streams, so proxies do not cut idle ones.',
    }),
    MCP_SSE_RETRY_MS: env.integer({
      default: 1000,
      min: 100,
      max: 60000,
      description: 'The `retry:` a client is told to wait before reconnecting a closed stream.',
    }),
    MCP_SSE_MAX_STREAM_MS: env.integer({
      default: 600000,
      min: 1000,
      max: 86400000,
      description:
        'A standalone stream (GET /mcp) is closed politely after this long; the client reconnects with Last-Event-ID and misses nothing.',
    }),
    CORS_ORIGINS: env.list({
      default: [],
      itemPattern: ORIGIN_ENTRY,
      itemExpects: 'origins (scheme://host[:port]) or /regular expressions/',
      description:
        'Browser origins allowed to call the server (CORS and the MCP Origin check). A server bound to loopback also allows pages of this machine (http(s)://localhost, 127.0.0.1 or [::1], any port). Requests without Origin (non-browser clients) are always allowed.',
      example: 'https://claude.ai,/^https:\\/\\/.*\\.example\\.com$/',
    }),
    CORS_CREDENTIALS: env.boolean({
      default: false,
      description:
        'Answer allowed origins with Access-Control-Allow-Credentials: true, for browser clients that send cookies or TLS client certificates. Tokens and API keys in headers do not need it.',
    }),
    MCP_ALLOWED_HOSTS: env.list({
      default: [],
      itemPattern: /^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:]+\](:\d+)?$/,
      itemExpects: 'host names (optionally with :port)',
      description:
        'Extra Host header values accepted when the server is bound to loopback (DNS-rebinding protection allows only localhost, 127.0.0.1 and [::1] otherwise).',
      example: 'mcp.internal',
    }),
  },
  map: (v) => ({
    stateless: v.MCP_STATELESS,
    sessionRoute: v.MCP_SESSION_ROUTE,
    maxSessions: v.MCP_MAX_SESSIONS,
    maxSessionsPerPrincipal: v.MCP_MAX_SESSIONS_PER_PRINCIPAL,
    sessionIdleTtlMs: v.MCP_SESSION_IDLE_TTL_MS,
    maxBodyBytes: v.MCP_MAX_BODY_BYTES,
    eventStore: {
      maxEvents: v.MCP_EVENT_STORE_MAX_EVENTS,
      ttlMs: v.MCP_EVENT_STORE_TTL_MS,
      timeoutMs: v.MCP_EVENT_STORE_TIMEOUT_MS,
    },
    sse: { keepAliveMs: v.MCP_SSE_KEEPALIVE_MS, retryMs: v.MCP_SSE_RETRY_MS, maxStreamMs: v.MCP_SSE_MAX_STREAM_MS },
    allowedOrigins: v.CORS_ORIGINS,
    corsCredentials: v.CORS_CREDENTIALS,
    allowedHosts: v.MCP_ALLOWED_HOSTS,
  }),
});

export type TransportConfig = ConfigType<typeof transportConfig>;
