import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { OriginPolicy } from './origin-policy';

/** The methods of the MCP endpoints (POST and GET /mcp, DELETE /mcp, GET /sse, POST /messages). */
const METHODS = ['GET', 'POST', 'DELETE'];

/** What MCP clients send (the SDK's own headers, credentials) and the headers this server reads. */
const ALLOWED_HEADERS = [
  'Accept',
  'Accept-Language',
  'Authorization',
  'Content-Type',
  'Last-Event-ID',
  'MCP-Protocol-Version',
  'Mcp-Session-Id',
  'X-API-Key',
  'X-Locale',
  'X-Request-Id',
];

/** What a browser client must be able to read: its session, the auth challenge, when to retry, its rate budget. */
const EXPOSED_HEADERS = [
  'Mcp-Session-Id',
  'WWW-Authenticate',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
  'X-Request-Id',
];

/** Two hours: the longest time Chromium keeps a preflight answer (Firefox keeps up to a day). */
const PREFLIGHT_MAX_AGE_SECONDS = 7200;

/**
 * CORS answers from the one OriginPolicy that also guards the MCP endpoints: an allowed origin gets its
 * own origin back (never `*`), any other origin and any request without Origin get no Access-Control-*
 * header at all. A preflight from an allowed origin is answered 204 at once, before any guard, so it
 * never needs credentials.
 */
export function corsOptions(policy: OriginPolicy, credentials: boolean): CorsOptions {
  return {
    origin: (origin, callback) => {
      callback(null, origin !== undefined && policy.originAllowed(origin));
    },
    methods: METHODS,
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  };
}
