import { McpHttpProcess } from '@app/testing';
import { initializeRequest, jsonRpcError, openSession, post } from './mcp-http-client';
import { SseReader } from './sse-reader';

const QUOTA = 2;
const PRINCIPALS = ['alice', 'bob', 'carol', 'dave', 'erin'] as const;
type Principal = (typeof PRINCIPALS)[number];
const keyOf = (principal: Principal): string => `${principal}-api-key-0123456789abcdef`;
const as = (principal: Principal): Record<string, string> => ({ 'X-API-Key': keyOf(principal) });
const UUID = /^[0-9a-f-]{36}$/;
/** The idle TTL (30 min by default) plus one reaping interval (at most a minute). */
const LONGEST_WAIT_SECONDS = 1800 + 60;

/** One principal cannot take every session of the server: each has MCP_MAX_SESSIONS_PER_PRINCIPAL, both transports together. */
describe('sessions per principal (the built mcp-http app over real sockets)', () => {
  let server: McpHttpProcess;
  let open: McpHttpProcess;

  beforeAll(async () => {
    [server, open] = await Promise.all([
      McpHttpProcess.start({
        AUTH_METHODS: 'apikey',
        AUTH_API_KEYS: PRINCIPALS.map((principal) => `${principal}:${keyOf(principal)}`).join(','),
        MCP_MAX_SESSIONS_PER_PRINCIPAL: String(QUOTA),
      }),
      McpHttpProcess.start({ AUTH_METHODS: 'none', MCP_MAX_SESSIONS_PER_PRINCIPAL: '1' }),
    ]);
  }, 20000);

  afterAll(async () => {
    await Promise.all([server.stop(), open.stop()]);
  });

  const endSession = async (id: string, principal: Principal): Promise<void> => {
    const res = await fetch(server.mcpUrl, { method: 'DELETE', headers: { ...as(principal), 'Mcp-Session-Id': id } });
    expect(res.status).toBe(200);
  };

  /** A legacy session: its stream, and the principal's place, last until `close`. */
  const openLegacy = async (principal: Principal): Promise<{ res: Response; close: () => Promise<void> }> => {
    const abort = new AbortController();
    const res = await fetch(server.sseUrl, {
      headers: { ...as(principal), Accept: 'text/event-stream' },
      signal: abort.signal,
    });
    if (res.status !== 200) return { res, close: async () => Promise.resolve() };
    const stream = new SseReader(res);
    await stream.waitFor(/event: endpoint/);
    return {
      res,
      close: async () => {
        abort.abort();
        await stream.ended();
      },
    };
  };

  it('refuses a principal at its quota 429 MCP_SESSION_QUOTA, localized, with Retry-After; others still open sessions', async () => {
    const first = await openSession(server.mcpUrl, as('alice'));
    await openSession(server.mcpUrl, as('alice'));

    const refused = await post(server.mcpUrl, initializeRequest, { ...as('alice'), 'Accept-Language': 'fr' });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LONGEST_WAIT_SECONDS);
    expect(refused.headers.get('mcp-session-id')).toBeNull();
    const error = await jsonRpcError(refused);
    expect(error).toMatchObject({ code: -32000, data: { code: 'MCP_SESSION_QUOTA' } });
    expect(error.data.correlationId).toMatch(UUID);
    expect(error.message).toBe(
      `Vous avez déjà ${QUOTA} sessions ouvertes, le maximum autorisé par utilisateur. Fermez celles dont vous n'avez plus besoin (DELETE /mcp avec leur Mcp-Session-Id, ou fin de leur flux /sse), ou attendez ${retryAfter} s qu'une session inactive expire.`,
    );

    // Another principal is not concerned.
    await openSession(server.mcpUrl, as('bob'));
    await openSession(server.mcpUrl, as('bob'));

    // Closing one of her sessions gives alice a place again, and one only.
    await endSession(first, 'alice');
    await openSession(server.mcpUrl, as('alice'));
    expect((await post(server.mcpUrl, initializeRequest, as('alice'))).status).toBe(429);
  });

  it('counts legacy SSE sessions in the same quota, and frees the place when the /sse stream ends', async () => {
    const legacy = await openLegacy('carol');
    expect(legacy.res.status).toBe(200);
    const streamable = await openSession(server.mcpUrl, as('carol'));

    // At her quota on both transports.
    expect((await post(server.mcpUrl, initializeRequest, as('carol'))).status).toBe(429);
    const refusedStream = await openLegacy('carol');
    expect(refusedStream.res.status).toBe(429);
    expect(Number(refusedStream.res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await jsonRpcError(refusedStream.res)).data.code).toBe('MCP_SESSION_QUOTA');

    // Ending the stream ends the legacy session: the server notices the disconnect, then the place is free.
    await legacy.close();
    let status = 0;
    for (const deadline = Date.now() + 3000; status !== 200 && Date.now() < deadline;) {
      const res = await post(server.mcpUrl, initializeRequest, as('carol'));
      status = res.status;
      await res.text();
    }
    expect(status).toBe(200);
    await endSession(streamable, 'carol');
  });

  it('never lets initializes sent at once overshoot the quota', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const res = await post(server.mcpUrl, initializeRequest, as('dave'));
        await res.text();
        return res.status;
      }),
    );
    expect(answers.filter((status) => status === 200)).toHaveLength(QUOTA);
    expect(answers.filter((status) => status === 429)).toHaveLength(8 - QUOTA);
  });

  it('gives the place of an initialize the SDK refuses back', async () => {
    // Two initializes in one batch (protocol 2025-03-26 has batches): the SDK refuses it, no session opens.
    for (let i = 0; i < QUOTA + 1; i++) {
      const refused = await post(server.mcpUrl, [initializeRequest, { ...initializeRequest, id: 1 }], {
        ...as('erin'),
        'MCP-Protocol-Version': '2025-03-26',
      });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('Only one initialization request is allowed');
      expect(refused.headers.get('mcp-session-id')).toBeNull();
    }
    for (let i = 0; i < QUOTA; i++) await openSession(server.mcpUrl, as('erin'));
  });

  it('does not hold the local user of AUTH_METHODS=none (loopback only, every caller is that user) to the quota', async () => {
    for (let i = 0; i < 3; i++) await openSession(open.mcpUrl);
    const legacy = await fetch(open.sseUrl, { headers: { Accept: 'text/event-stream' } });
    expect(legacy.status).toBe(200);
    await legacy.body?.cancel();
  });
});
