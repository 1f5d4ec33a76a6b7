import { McpHttpProcess } from '@app/testing';
import { jsonRpcError, openSession, post, toolCallRequest } from './mcp-http-client';
import { ServersOnFake } from './servers-on-fake';

const KEYS = { alice: 'alice-api-key-0123456789', bob: 'bob-api-key-0123456789ab' };
const AUTH = { AUTH_METHODS: 'apikey', AUTH_API_KEYS: `alice:${KEYS.alice},bob:${KEYS.bob}` };
const apiKey = (key: string): Record<string, string> => ({ 'X-API-Key': key });
const from = (address: string): Record<string, string> => ({ 'X-Forwarded-For': address });
const ping = { jsonrpc: '2.0', id: 1, method: 'ping' };
/** Time limit of hooks and tests that start servers. */
const STARTS_MS = 30000;

/** A ping in `session` (200), or without one (400): either way one request counted by the limits. */
async function pingStatus(server: McpHttpProcess, headers: Record<string, string>): Promise<number> {
  const res = await post(server.mcpUrl, ping, headers);
  await res.body?.cancel();
  return res.status;
}

/** The statuses of `count` requests sent one after the other. */
async function statuses(server: McpHttpProcess, count: number, headers: Record<string, string>): Promise<number[]> {
  const answers: number[] = [];
  for (let n = 0; n < count; n += 1) answers.push(await pingStatus(server, headers));
  return answers;
}

/** The error code of a refused MCP request. */
async function refusedBy(server: McpHttpProcess, headers: Record<string, string>): Promise<string> {
  const res = await post(server.mcpUrl, ping, headers);
  expect(res.status).toBe(429);
  return (await jsonRpcError(res)).data.code;
}

describe('rate limits (the built mcp-http app)', () => {
  const suite = new ServersOnFake({
    RATE_LIMIT_USER_LIMIT: '1000',
    RATE_LIMIT_IP_LIMIT: '1000',
  });
  const start = async (env: Record<string, string> = {}): Promise<McpHttpProcess> => suite.start(env);

  // Explicit time limits wherever processes start or stop: on a busy machine that can take seconds.
  beforeAll(async () => {
    await suite.startFake();
  }, STARTS_MS);

  afterAll(async () => {
    await suite.stopAll();
  }, STARTS_MS);

  describe('one address bursting', () => {
    let server: McpHttpProcess;
    let session: Record<string, string>;

    beforeAll(async () => {
      server = await start({ ...AUTH, RATE_LIMIT_IP_LIMIT: '20' });
      // Opening the session is 2 of the 20 requests.
      session = { ...apiKey(KEYS.alice), 'Mcp-Session-Id': await openSession(server.mcpUrl, apiKey(KEYS.alice)) };
    }, STARTS_MS);

    it('gets exactly its limit through and 429 for the rest, each answer saying what is left', async () => {
      const answers = await Promise.all(
        Array.from({ length: 30 }, async () => {
          const res = await post(server.mcpUrl, ping, session);
          await res.body?.cancel();
          return { status: res.status, remaining: res.headers.get('ratelimit-remaining') };
        }),
      );
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(18);
      expect(answers.filter((answer) => answer.status === 429)).toHaveLength(12);
      const remaining = answers
        .filter((answer) => answer.status === 200)
        .map((answer) => Number(answer.remaining))
        .sort((a, b) => a - b);
      expect(remaining).toEqual(Array.from({ length: 18 }, (_, n) => n));
    });

    it('answers the refusal as JSON-RPC with Retry-After, the RateLimit fields and the correlation id, localized', async () => {
      const res = await post(server.mcpUrl, ping, { ...session, 'Accept-Language': 'fr' });
      expect(res.status).toBe(429);
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(30);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(res.headers.get('ratelimit-limit')).toBe('20');
      expect(res.headers.get('ratelimit-remaining')).toBe('0');
      expect(res.headers.get('ratelimit-reset')).toBe(String(retryAfter));
      expect(res.headers.get('ratelimit-policy')).toBe('20;w=60');
      const body = (await res.json()) as {
        jsonrpc: string;
        error: { code: number; message: string; data: { code: string; correlationId: string } };
      };
      expect(body.jsonrpc).toBe('2.0');
      expect(body.error.code).toBe(-32000);
      expect(body.error.data).toEqual({ code: 'RATE_LIMITED_IP', correlationId: res.headers.get('x-request-id') });
      expect(body.error.message).toBe(
        `Trop de requêtes depuis votre adresse : au plus 20 toutes les 60 s. Réessayez dans ${retryAfter} s.`,
      );
    });

    it('refuses the legacy SSE endpoint as JSON-RPC, and the OAuth metadata with the app’s JSON error', async () => {
      const sse = await fetch(server.sseUrl, { headers: { ...apiKey(KEYS.alice), Accept: 'text/event-stream' } });
      expect(sse.status).toBe(429);
      expect((await jsonRpcError(sse)).data.code).toBe('RATE_LIMITED_IP');

      const metadata = await fetch(`${server.url}/.well-known/oauth-protected-resource`);
      expect(metadata.status).toBe(429);
      expect(metadata.headers.get('retry-after')).not.toBeNull();
      expect(await metadata.json()).toEqual({
        error: {
          code: 'RATE_LIMITED_IP',
          message: expect.stringContaining('Too many requests from your address') as string,
          correlationId: metadata.headers.get('x-request-id'),
        },
      });
    });

    it('never throttles the health probes', async () => {
      const probes = await Promise.all(
        Array.from({ length: 40 }, async (_, n) => fetch(`${server.url}/health/${n % 2 === 0 ? 'live' : 'ready'}`)),
      );
      expect(probes.map((probe) => probe.status)).toEqual(Array.from({ length: 40 }, () => 200));
      expect(probes.every((probe) => probe.headers.get('ratelimit-remaining') === null)).toBe(true);
    });
  });

  it(
    'gives two principals behind one address a budget each, while the address limit caps them together',
    async () => {
      const server = await start({ ...AUTH, RATE_LIMIT_IP_LIMIT: '10', RATE_LIMIT_USER_LIMIT: '6' });
      expect(await statuses(server, 6, apiKey(KEYS.alice))).toEqual([400, 400, 400, 400, 400, 400]);
      expect(await refusedBy(server, apiKey(KEYS.alice))).toBe('RATE_LIMITED_USER');
      // Bob has his own budget: only the address's 3 requests left stop him.
      expect(await statuses(server, 3, apiKey(KEYS.bob))).toEqual([400, 400, 400]);
      expect(await refusedBy(server, apiKey(KEYS.bob))).toBe('RATE_LIMITED_IP');
    },
    STARTS_MS,
  );

  it(
    'ignores a forged X-Forwarded-For when TRUST_PROXY does not trust the sender',
    async () => {
      const server = await start({ TRUST_PROXY: 'false', RATE_LIMIT_IP_LIMIT: '3' });
      expect(await statuses(server, 3, from('203.0.113.1'))).toEqual([400, 400, 400]);
      expect(await refusedBy(server, from('203.0.113.2'))).toBe('RATE_LIMITED_IP');
      expect(await refusedBy(server, {})).toBe('RATE_LIMITED_IP');
    },
    STARTS_MS,
  );

  describe('behind a trusted proxy (TRUST_PROXY=loopback), one client address per test', () => {
    let server: McpHttpProcess;

    beforeAll(async () => {
      server = await start({
        ...AUTH,
        TRUST_PROXY: 'loopback',
        RATE_LIMIT_IP_LIMIT: '8',
        RATE_LIMIT_AUTH_FAILURE_LIMIT: '3',
        RATE_LIMIT_WRITE_LIMIT: '2',
      });
    }, STARTS_MS);

    it('limits each client X-Forwarded-For names, not the proxy', async () => {
      const headers = { ...apiKey(KEYS.alice), ...from('203.0.113.1') };
      expect(await statuses(server, 8, headers)).toEqual(Array.from({ length: 8 }, () => 400));
      expect(await refusedBy(server, headers)).toBe('RATE_LIMITED_IP');
      expect(await pingStatus(server, { ...apiKey(KEYS.alice), ...from('203.0.113.2') })).toBe(400);
    });

    it('refuses an address that sent too many wrong credentials, even with a valid one, until its block ends', async () => {
      const guesser = from('198.51.100.7');
      // Requests without credentials are clients learning how to authenticate: not counted.
      expect(await statuses(server, 2, guesser)).toEqual([401, 401]);
      expect(await statuses(server, 3, { ...guesser, ...apiKey('a-wrong-guess-0123456789') })).toEqual([401, 401, 401]);
      const blocked = await post(server.mcpUrl, ping, { ...guesser, ...apiKey(KEYS.alice) });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(250);
      expect((await jsonRpcError(blocked)).data.code).toBe('RATE_LIMITED_AUTH_FAILURES');
      // Another address with the same key is not affected.
      expect(await pingStatus(server, { ...from('198.51.100.8'), ...apiKey(KEYS.alice) })).toBe(400);
    });

    it('holds calls of tools that change Bitbucket to their stricter limit, and lets reads through', async () => {
      const client = { ...apiKey(KEYS.bob), ...from('192.0.2.1') };
      const headers = { ...client, 'Mcp-Session-Id': await openSession(server.mcpUrl, client) };
      const branch = (n: number) =>
        toolCallRequest('create_branch', {
          workspace: 'acme',
          repo: 'payments-api',
          name: `rl-${n}`,
          startPoint: 'main',
        });
      for (const n of [1, 2]) expect((await post(server.mcpUrl, branch(n), headers)).status).toBe(200);
      const refused = await post(server.mcpUrl, branch(3), headers);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).not.toBeNull();
      expect((await jsonRpcError(refused)).data.code).toBe('RATE_LIMITED_WRITE_TOOLS');
      const read = await post(server.mcpUrl, toolCallRequest('get_current_user', {}), headers);
      expect(read.status).toBe(200);
    });
  });
});
