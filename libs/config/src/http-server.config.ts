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
    };
  },
});

export type HttpServerConfig = ConfigType<typeof httpServerConfig>;
