import { McpHttpProcess } from '@app/testing';
import { initializeRequest, openSession, post } from './mcp-http-client';

const API_KEY = 'headers-suite-key-0123456789';
const KEY = { 'X-API-Key': API_KEY };

/** What every answer of the server carries, whatever wrote it (Helmet, set up before anything else can answer). */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};
const HSTS = 'max-age=31536000';

/** One exchange of a kind the server answers: its answer, with its body still unread (streams stay open). */
interface Exchange {
  readonly status: number;
  readonly contentType: string;
  readonly send: (server: McpHttpProcess, signal: AbortSignal) => Promise<Response>;
}

const EXCHANGES: Readonly<Record<string, Exchange>> = {
  'POST /mcp answered with JSON': {
    status: 200,
    contentType: 'application/json',
    send: async (server, signal) => post(server.mcpUrl, initializeRequest, KEY, signal),
  },
  'POST /mcp answered as an SSE stream (a request asking for progress)': {
    status: 200,
    contentType: 'text/event-stream',
    send: async (server, signal) =>
      post(
        server.mcpUrl,
        { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: { progressToken: 'p' } } },
        { ...KEY, 'Mcp-Session-Id': await openSession(server.mcpUrl, KEY) },
        signal,
      ),
  },
  'GET /mcp, the standalone SSE stream': {
    status: 200,
    contentType: 'text/event-stream',
    send: async (server, signal) =>
      fetch(server.mcpUrl, {
        signal,
        headers: { ...KEY, Accept: 'text/event-stream', 'Mcp-Session-Id': await openSession(server.mcpUrl, KEY) },
      }),
  },
  'GET /sse, the legacy SSE stream': {
    status: 200,
    contentType: 'text/event-stream',
    send: async (server, signal) => fetch(server.sseUrl, { signal, headers: { ...KEY, Accept: 'text/event-stream' } }),
  },
  'GET /health/ready': {
    status: 200,
    contentType: 'application/json',
    send: async (server, signal) => fetch(`${server.url}/health/ready`, { signal }),
  },
  'GET /health/live': {
    status: 200,
    contentType: 'application/json',
    send: async (server, signal) => fetch(`${server.url}/health/live`, { signal }),
  },
  'GET the OAuth protected resource metadata': {
    status: 200,
    contentType: 'application/json',
    send: async (server, signal) => fetch(`${server.url}/.well-known/oauth-protected-resource/mcp`, { signal }),
  },
  'a 404 (nothing served there)': {
    status: 404,
    contentType: 'application/json',
    send: async (server, signal) => fetch(`${server.url}/no-such-page`, { signal }),
  },
  'a 401 (no credentials), with its challenge': {
    status: 401,
    contentType: 'application/json',
    send: async (server, signal) => post(server.mcpUrl, initializeRequest, {}, signal),
  },
  'a 400 (a body that is not JSON)': {
    status: 400,
    contentType: 'application/json',
    send: async (server, signal) => post(server.mcpUrl, '{"jsonrpc":', KEY, signal),
  },
  'a 403 (a page of a foreign origin)': {
    status: 403,
    contentType: 'application/json',
    send: async (server, signal) =>
      post(server.mcpUrl, initializeRequest, { ...KEY, Origin: 'https://evil.example' }, signal),
  },
  'a 406 from the transport (an Accept that rules out both answers)': {
    status: 406,
    contentType: 'application/json',
    send: async (server, signal) => post(server.mcpUrl, initializeRequest, { ...KEY, Accept: 'text/html' }, signal),
  },
  'a CORS preflight': {
    status: 204,
    contentType: '',
    send: async (server, signal) =>
      fetch(server.mcpUrl, {
        signal,
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:6274', 'Access-Control-Request-Method': 'POST' },
      }),
  },
};

/** Sends the exchange, checks its status and headers, and lets go of the answer (an open stream included). */
async function expectSecured(server: McpHttpProcess, exchange: Exchange, hsts: string | null): Promise<void> {
  const abort = new AbortController();
  try {
    const res = await exchange.send(server, abort.signal);
    expect(res.status).toBe(exchange.status);
    expect(res.headers.get('content-type') ?? '').toContain(exchange.contentType);
    expect(Object.fromEntries(Object.keys(SECURITY_HEADERS).map((name) => [name, res.headers.get(name)]))).toEqual(
      SECURITY_HEADERS,
    );
    expect(res.headers.get('strict-transport-security')).toBe(hsts);
    expect(res.headers.get('x-powered-by')).toBeNull();
  } finally {
    abort.abort();
  }
}

describe('security headers on every answer (the built mcp-http app over real sockets)', () => {
  /** Reached over http (PUBLIC_URL defaults to http://HOST:PORT). */
  let plain: McpHttpProcess;
  /** Told that clients reach it over https. */
  let https: McpHttpProcess;

  const started: McpHttpProcess[] = [];
  const start = async (env: Record<string, string> = {}): Promise<McpHttpProcess> => {
    const server = await McpHttpProcess.start({
      AUTH_METHODS: 'oauth2,apikey',
      AUTH_API_KEYS: `ci:${API_KEY}`,
      // Only named, for the metadata document: no request here carries a token, so it is never contacted.
      OAUTH_ISSUER: 'https://login.example.com',
      ...env,
    });
    started.push(server);
    return server;
  };

  beforeAll(async () => {
    [plain, https] = await Promise.all([start(), start({ PUBLIC_URL: 'https://mcp.example.com' })]);
  });

  afterAll(async () => {
    await Promise.all(started.map(async (server) => server.stop()));
  });

  it.each(Object.entries(EXCHANGES))('%s: all of them, and no HSTS over http', async (_name, exchange) => {
    await expectSecured(plain, exchange, null);
  });

  it.each(Object.entries(EXCHANGES))('%s: HSTS too when PUBLIC_URL is https', async (_name, exchange) => {
    await expectSecured(https, exchange, HSTS);
  });
});
