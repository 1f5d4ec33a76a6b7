import { McpHttpProcess } from '@app/testing';
import { initializeRequest, jsonRpcError, post } from './mcp-http-client';

const API_KEY = 'cors-suite-key-0123456789';
const KEY = { 'X-API-Key': API_KEY };
/** What the MCP SDK's Streamable HTTP client sends on a POST, plus its credentials: what a preflight asks for. */
const CLIENT_REQUEST_HEADERS =
  'accept, authorization, content-type, last-event-id, mcp-protocol-version, mcp-session-id, x-api-key';
const EXPOSED = [
  'Mcp-Session-Id',
  'WWW-Authenticate',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
];

const listOf = (value: string | null): string[] => (value ?? '').split(',').map((entry) => entry.trim().toLowerCase());

async function preflight(server: McpHttpProcess, origin: string, method = 'POST'): Promise<Response> {
  const res = await fetch(server.mcpUrl, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': method,
      'Access-Control-Request-Headers': CLIENT_REQUEST_HEADERS,
    },
  });
  await res.arrayBuffer();
  return res;
}

const accessControlHeaders = (res: Response): string[] =>
  [...res.headers.keys()].filter((name) => name.startsWith('access-control-'));

/** A browser page at `origin` may call `server`: the preflight grants it, and the call itself is answered to it. */
async function expectAllowed(server: McpHttpProcess, origin: string, credentials: boolean): Promise<void> {
  const granted = await preflight(server, origin);
  expect(granted.status).toBe(204);
  expect(granted.headers.get('access-control-allow-origin')).toBe(origin);
  expect(listOf(granted.headers.get('access-control-allow-methods'))).toEqual(['get', 'post', 'delete']);
  expect(listOf(granted.headers.get('access-control-allow-headers'))).toEqual(
    expect.arrayContaining(listOf(CLIENT_REQUEST_HEADERS)),
  );
  expect(granted.headers.get('access-control-max-age')).toBe('7200');
  expect(granted.headers.get('access-control-allow-credentials')).toBe(credentials ? 'true' : null);
  expect(listOf(granted.headers.get('vary'))).toContain('origin');
  // Answered before authentication: no challenge, although this server requires credentials.
  expect(granted.headers.get('www-authenticate')).toBeNull();

  const answered = await post(server.mcpUrl, initializeRequest, { ...KEY, Origin: origin });
  expect(answered.status).toBe(200);
  await answered.text();
  expect(answered.headers.get('access-control-allow-origin')).toBe(origin);
  expect(answered.headers.get('access-control-allow-credentials')).toBe(credentials ? 'true' : null);
  expect(listOf(answered.headers.get('access-control-expose-headers'))).toEqual(
    expect.arrayContaining(listOf(EXPOSED.join(','))),
  );
  expect(answered.headers.get('mcp-session-id')).toMatch(/^[0-9a-f-]{36}$/);
}

/** A browser page at `origin` may not call `server`: no CORS grant at all, and the call itself is refused 403. */
async function expectRefused(server: McpHttpProcess, origin: string): Promise<void> {
  const refused = await preflight(server, origin);
  expect(refused.status).not.toBe(204);
  expect(accessControlHeaders(refused)).toEqual([]);

  const call = await post(server.mcpUrl, initializeRequest, { ...KEY, Origin: origin });
  expect(call.status).toBe(403);
  expect(accessControlHeaders(call)).toEqual([]);
  const error = await jsonRpcError(call);
  expect(error).toEqual({
    code: -32000,
    message: 'Requests from this web origin are not allowed.',
    data: { code: 'MCP_ORIGIN_FORBIDDEN', correlationId: call.headers.get('x-request-id') },
  });
}

describe('CORS and the MCP Origin check, one policy (the built mcp-http app over real sockets)', () => {
  /** Bound to loopback (the default), with one exact origin and one regular expression listed. */
  let local: McpHttpProcess;
  /**
   * Bound to every address (HOST=0.0.0.0, what a container uses: the server then is not "bound to loopback"),
   * listing one page of the machine, with credentials allowed. The tests reach it on 127.0.0.1; it requires an
   * API key, like any server off loopback, and lives only as long as this suite.
   */
  let exposed: McpHttpProcess;

  const started: McpHttpProcess[] = [];
  const start = async (env: Record<string, string>): Promise<McpHttpProcess> => {
    const server = await McpHttpProcess.start({ AUTH_METHODS: 'apikey', AUTH_API_KEYS: `ci:${API_KEY}`, ...env });
    started.push(server);
    return server;
  };

  beforeAll(async () => {
    [local, exposed] = await Promise.all([
      start({
        CORS_ORIGINS: String.raw`https://app.example.com,/^https:\/\/[a-z0-9-]+\.tools\.example$/`,
      }),
      start({
        HOST: '0.0.0.0',
        CORS_ORIGINS: 'http://localhost:5173',
        CORS_CREDENTIALS: 'true',
      }),
    ]);
  });

  afterAll(async () => {
    await Promise.all(started.map(async (server) => server.stop()));
  });

  describe('a server bound to loopback', () => {
    it('allows an origin listed exactly', async () => {
      await expectAllowed(local, 'https://app.example.com', false);
    });

    it('allows an origin matching a listed regular expression', async () => {
      await expectAllowed(local, 'https://team-a.tools.example', false);
    });

    it.each(['https://evil.example', 'https://team-a.tools.example.evil.example', 'http://app.example.com', 'null'])(
      'refuses %s: no CORS grant, and the call is refused 403',
      async (origin) => {
        await expectRefused(local, origin);
      },
    );

    it.each(['http://localhost:6274', 'http://127.0.0.1:5173', 'http://[::1]:8080', 'https://localhost'])(
      'allows the page of this machine %s by default (the MCP inspector’s web UI, say)',
      async (origin) => {
        await expectAllowed(local, origin, false);
      },
    );

    it('refuses what only looks like a page of this machine', async () => {
      await expectRefused(local, 'http://localhost.evil.example:6274');
    });

    it('refuses a foreign origin before authentication: 403 even without credentials, never 401', async () => {
      const res = await post(local.mcpUrl, initializeRequest, { Origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect(res.headers.get('www-authenticate')).toBeNull();
      expect((await jsonRpcError(res)).data.code).toBe('MCP_ORIGIN_FORBIDDEN');
    });

    it('applies the same decision to the legacy SSE stream', async () => {
      const abort = new AbortController();
      try {
        const allowed = await fetch(local.sseUrl, {
          signal: abort.signal,
          headers: { ...KEY, Accept: 'text/event-stream', Origin: 'http://localhost:6274' },
        });
        expect(allowed.status).toBe(200);
        expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:6274');
      } finally {
        abort.abort();
      }
      const refused = await fetch(local.sseUrl, {
        headers: { ...KEY, Accept: 'text/event-stream', Origin: 'https://evil.example' },
      });
      expect(refused.status).toBe(403);
      expect(accessControlHeaders(refused)).toEqual([]);
      expect((await jsonRpcError(refused)).data.code).toBe('MCP_ORIGIN_FORBIDDEN');
    });

    it('answers a request without Origin (not a browser) as before, with no CORS header', async () => {
      const res = await post(local.mcpUrl, initializeRequest, KEY);
      expect(res.status).toBe(200);
      await res.text();
      expect(accessControlHeaders(res)).toEqual([]);
    });
  });

  describe('a server bound to another address', () => {
    it('refuses a page of this machine it does not list', async () => {
      await expectRefused(exposed, 'http://localhost:6274');
      await expectRefused(exposed, 'http://127.0.0.1:5173');
    });

    it('allows the one it lists, with credentials since CORS_CREDENTIALS is on', async () => {
      await expectAllowed(exposed, 'http://localhost:5173', true);
    });
  });
});
