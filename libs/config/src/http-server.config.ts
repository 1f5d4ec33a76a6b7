import type { ConfigType } from '@nestjs/config';
import { defineConfig } from './define-config';
import { env } from './env';

/** HOST values that mean this machine only. */
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/;

function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((entry) => entry.trim());
}

export const httpServerConfig = defineConfig({
  namespace: 'httpServer',
  title: 'HTTP server',
  variables: {
    PORT: env.port({ default: 3000, description: 'TCP port the HTTP server listens on.' }),
    HOST: env.string({
      default: '127.0.0.1',
      expects: 'an IP address or host name',
      pattern: /^[A-Za-z0-9.:-]+$/,
      description: 'Address to bind. The loopback default keeps a fresh install private; use 0.0.0.0 in a container.',
    }),
    PUBLIC_URL: env.url({
      description:
        'External URL clients use to reach the server (the OAuth resource identifier); defaults to http://HOST:PORT.',
      example: 'https://mcp.example.com',
    }),
    TRUST_PROXY: env.string({
      default: 'false',
      expects: 'false, true, a hop count or addresses',
      pattern: /^(true|false|\d+|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*|loopback|linklocal|uniquelocal)$/,
      description:
        'Which proxies\' X-Forwarded-For to trust for the client address: false, true, a hop count, or comma-separated addresses/CIDRs (Express "trust proxy").',
      example: '10.0.0.0/8',
    }),
    HTTP_HEADERS_TIMEOUT_MS: env.integer({
      default: 10000,
      min: 500,
      max: 120000,
      description:
        "A connection must deliver a request's complete headers within this time, counted from its first byte (or from the connection, for its first request); a slower client gets 408 and is disconnected. Idle keep-alive connections are not concerned (HTTP_KEEP_ALIVE_TIMEOUT_MS).",
    }),
    HTTP_REQUEST_TIMEOUT_MS: env.integer({
      default: 30000,
      min: 500,
      max: 3600000,
      description:
        'A request (headers and body) must be received whole within this time, or the client gets 408 and is disconnected. Only receiving counts: answers, SSE streams and tool calls may take longer. At least HTTP_HEADERS_TIMEOUT_MS.',
    }),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: env.integer({
      default: 65000,
      min: 1000,
      max: 3600000,
      description:
        'How long an idle connection is kept open for its next request (announced in Keep-Alive: timeout=…; Node waits one more second). Keep it longer than the idle timeout of the load balancer in front (60 s on AWS ALB), so the balancer never reuses a connection the server is closing.',
    }),
    HTTP_MAX_CONNECTIONS: env.integer({
      default: 20000,
      min: 1,
      max: 1000000,
      description:
        'Most open TCP connections (each SSE stream holds one); a connection beyond it is closed at once and logged. Keep it above MCP_MAX_SESSIONS, so every session can hold a stream, and below the open-file limit (ulimit -n).',
    }),
  },
  refine: (v, ctx) => {
    if (v.HTTP_HEADERS_TIMEOUT_MS > v.HTTP_REQUEST_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['HTTP_REQUEST_TIMEOUT_MS'],
        message: `must be at least HTTP_HEADERS_TIMEOUT_MS (${v.HTTP_HEADERS_TIMEOUT_MS}): headers are part of the request`,
      });
    }
  },
  map: (v) => {
    const publicUrl = (v.PUBLIC_URL ?? `http://${v.HOST.includes(':') ? `[${v.HOST}]` : v.HOST}:${v.PORT}`).replace(
      /\/+$/,
      '',
    );
    return {
      port: v.PORT,
      host: v.HOST,
      /** Bound to loopback: only this machine can connect (no authentication allowed, DNS-rebinding checks on). */
      loopback: LOOPBACK.test(v.HOST),
      publicUrl,
      /** The MCP endpoint as clients name it: the OAuth resource (audience) of this server. */
      mcpResourceUrl: `${publicUrl}/mcp`,
      /** RFC 9728 protected resource metadata of the MCP endpoint. */
      resourceMetadataUrl: `${publicUrl}/.well-known/oauth-protected-resource/mcp`,
      trustProxy: parseTrustProxy(v.TRUST_PROXY),
      limits: {
        headersTimeoutMs: v.HTTP_HEADERS_TIMEOUT_MS,
        requestTimeoutMs: v.HTTP_REQUEST_TIMEOUT_MS,
        keepAliveTimeoutMs: v.HTTP_KEEP_ALIVE_TIMEOUT_MS,
        maxConnections: v.HTTP_MAX_CONNECTIONS,
      },
    };
  },
});

export type HttpServerConfig = ConfigType<typeof httpServerConfig>;
