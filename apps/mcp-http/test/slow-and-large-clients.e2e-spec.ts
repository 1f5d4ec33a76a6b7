import { FakeBitbucketProcess, McpHttpProcess, textAnswer } from '@app/testing';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import { ACCEPT_BOTH, listToolsRequest, openSession, post, toolCallRequest } from './mcp-http-client';
import { postHugeBody } from './post-huge-body';
import { RawConnection } from './raw-connection';
import { SseReader } from './sse-reader';

const HEADERS_TIMEOUT_MS = 1500;
const REQUEST_TIMEOUT_MS = 3000;
const KEEP_ALIVE_TIMEOUT_MS = 2000;
/** Node checks the timeouts on a timer (a tenth of the headers timeout here); a loaded machine adds its own delay. */
const CUT_MARGIN_MS = 1000;
const MAX_CONNECTIONS = 20;
const TWENTY_MB = 20 * 1024 * 1024;
const UUID = /^[0-9a-f-]{36}$/;
const REPOSITORY_PATH = '^/2\\.0/repositories/acme/payments-api$';

const requestHead = (method: string, path: string, headers: readonly string[] = []): string =>
  [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...headers, '', ''].join('\r\n');

/** Slow, silent, endless and oversized clients are cut off; everyone else is still served meanwhile. */
describe('slow and large clients (the built mcp-http app over real sockets)', () => {
  let fake: FakeBitbucketProcess;
  let server: McpHttpProcess;
  let capped: McpHttpProcess;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  }, 20000);

  beforeAll(async () => {
    [server, capped] = await Promise.all([
      McpHttpProcess.start({
        ...bitbucketEnv(fake, 'cloud'),
        HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
        HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
        HTTP_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS),
        MCP_SSE_KEEPALIVE_MS: '1000',
      }),
      // Otherwise the defaults: a 10 s headers timeout, 65 s keep-alive.
      McpHttpProcess.start({ ...bitbucketEnv(fake, 'cloud'), HTTP_MAX_CONNECTIONS: String(MAX_CONNECTIONS) }),
    ]);
  }, 20000);

  afterAll(async () => {
    await Promise.all([server.stop(), capped.stop()]);
  });

  afterAll(async () => {
    await fake.stop();
  });

  it(`cuts slow-header and silent clients at HTTP_HEADERS_TIMEOUT_MS (${HEADERS_TIMEOUT_MS} ms) with 408, while normal calls keep flowing`, async () => {
    const session = { 'Mcp-Session-Id': await openSession(server.mcpUrl) };
    // A header line a second, as slowloris does, and connections that never say anything.
    const slow = await Promise.all(Array.from({ length: 30 }, async () => RawConnection.open(server.url)));
    const silent = await Promise.all(Array.from({ length: 10 }, async () => RawConnection.open(server.url)));
    const trickling = slow.map(async (connection) =>
      connection.trickle((index) => (index === 0 ? 'POST /mcp HTTP/1.1\r\n' : `X-Slow-${index}: 1\r\n`), 1000),
    );

    const latencies: number[] = [];
    while (!slow.every((connection) => connection.isClosed) && latencies.length < 200) {
      const started = Date.now();
      const listed = await post(server.mcpUrl, listToolsRequest, session);
      expect(listed.status).toBe(200);
      await listed.json();
      latencies.push(Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await Promise.all(trickling);

    for (const connection of [...slow, ...silent]) {
      const afterMs = await connection.closedWithin(HEADERS_TIMEOUT_MS + CUT_MARGIN_MS);
      expect(afterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
      expect(connection.status).toBe(408);
    }
    // Normal calls answered throughout, each quickly (milliseconds as a rule; the bound allows a loaded machine).
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  }, 10000);

  it(`cuts a client trickling its body at HTTP_REQUEST_TIMEOUT_MS (${REQUEST_TIMEOUT_MS} ms) with 408`, async () => {
    const connection = await RawConnection.open(server.url);
    await connection.write(
      requestHead('POST', '/mcp', [
        'Content-Type: application/json',
        `Accept: ${ACCEPT_BOTH}`,
        'Transfer-Encoding: chunked',
      ]),
    );
    void connection.trickle(() => '1\r\n \r\n', 500);
    const afterMs = await connection.closedWithin(REQUEST_TIMEOUT_MS + CUT_MARGIN_MS);
    expect(afterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(connection.status).toBe(408);
  }, 10000);

  it('never cuts an answer that takes longer than the request timeout: a slow tool call, a long stream', async () => {
    const session = { 'Mcp-Session-Id': await openSession(server.mcpUrl) };
    const abort = new AbortController();
    const stream = new SseReader(
      await fetch(server.mcpUrl, { headers: { ...session, Accept: 'text/event-stream' }, signal: abort.signal }),
    );
    try {
      await fake.addFault({ path: REPOSITORY_PATH, latencyMs: REQUEST_TIMEOUT_MS + 1000, times: 1 });
      const started = Date.now();
      const answered = await post(
        server.mcpUrl,
        toolCallRequest('get_repository', { workspace: 'acme', repo: 'payments-api' }, 3),
        session,
      );
      expect(answered.status).toBe(200);
      expect(await answered.json()).toMatchObject({ id: 3, result: textAnswer('acme/payments-api') });
      expect(Date.now() - started).toBeGreaterThan(REQUEST_TIMEOUT_MS);
      // The standalone stream, opened before the call, is still alive: keep-alive comments still arrive.
      const seen = stream.text.length;
      const deadline = Date.now() + 3000;
      while (!stream.text.slice(seen).includes(': keepalive') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(stream.text.slice(seen)).toContain(': keepalive');
    } finally {
      abort.abort();
      await stream.ended();
    }
  }, 15000);

  it('announces the keep-alive timeout and closes an idle connection after it (HTTP_KEEP_ALIVE_TIMEOUT_MS; 65 s by default)', async () => {
    const probe = requestHead('GET', '/health/live');
    const idle = await RawConnection.open(server.url);
    await idle.write(probe);
    const idleFor = await idle.closedWithin(KEEP_ALIVE_TIMEOUT_MS + 1000 + CUT_MARGIN_MS);
    expect(idle.status).toBe(200);
    expect(idle.received).toMatch(/\r\nKeep-Alive: timeout=2\r\n/i);
    // Node waits one second beyond what it announces, so a client never reuses a connection being closed.
    expect(idleFor).toBeGreaterThanOrEqual(KEEP_ALIVE_TIMEOUT_MS);

    const byDefault = await RawConnection.open(capped.url);
    await byDefault.write(probe);
    const deadline = Date.now() + 5000;
    while (!byDefault.received.includes('\r\n\r\n') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(byDefault.received).toMatch(/\r\nKeep-Alive: timeout=65\r\n/i);
    byDefault.destroy();
  }, 10000);

  it(`closes connections beyond HTTP_MAX_CONNECTIONS (${MAX_CONNECTIONS}) at once, logs it, and serves again once some go`, async () => {
    const connections = await Promise.all(Array.from({ length: 30 }, async () => RawConnection.open(capped.url)));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const dropped = connections.filter((connection) => connection.isClosed);
    const held = connections.filter((connection) => !connection.isClosed);
    // This test process may hold one more (a pooled keep-alive connection from the readiness probe).
    expect(held.length).toBeLessThanOrEqual(MAX_CONNECTIONS);
    expect(held.length).toBeGreaterThanOrEqual(MAX_CONNECTIONS - 1);
    expect(dropped.length).toBe(connections.length - held.length);
    for (const connection of dropped) expect(connection.received).toBe('');
    await capped.process.waitForStdout(new RegExp(`At HTTP_MAX_CONNECTIONS \\(${MAX_CONNECTIONS}\\): closed`), 3000);

    for (const connection of held.slice(0, 5)) connection.destroy();
    await Promise.all(held.slice(0, 5).map(async (connection) => connection.closed));
    // The server notices those closes a moment later: until then a newcomer may still be turned away.
    let status: number | undefined;
    for (const deadline = Date.now() + 3000; status !== 200 && Date.now() < deadline;) {
      const newcomer = await RawConnection.open(capped.url);
      await newcomer.write(requestHead('GET', '/health/live', ['Connection: close']));
      await newcomer.closedWithin(5000);
      status = newcomer.status;
    }
    expect(status).toBe(200);
    for (const connection of held) connection.destroy();
  });

  describe('a body over MCP_MAX_BODY_BYTES (1 MiB): 413 with the JSON-RPC error, then the connection closes', () => {
    const expectTooLarge = (answer: { status: number; headers: Record<string, unknown>; body: string }): void => {
      expect(answer.status).toBe(413);
      expect(answer.headers.connection).toBe('close');
      const { error } = JSON.parse(answer.body) as {
        error: { code: number; message: string; data: { code: string; correlationId: string } };
      };
      expect(error).toMatchObject({ code: -32000, data: { code: 'MCP_BODY_TOO_LARGE' } });
      expect(error.message).toBe('Le corps de la requête dépasse les 1048576 octets acceptés par ce serveur.');
      expect(error.data.correlationId).toMatch(UUID);
    };
    const french = { 'Accept-Language': 'fr' };

    it.each([
      ['with a Content-Length', true],
      ['chunked', false],
    ])('POST /mcp, 20 MB %s', async (_, declared) => {
      const answer = await postHugeBody(server.mcpUrl.href, TWENTY_MB, { declared, headers: french });
      expectTooLarge(answer);
      // And the server goes on serving.
      await openSession(server.mcpUrl);
    });

    it('POST /messages of a legacy session, 20 MB chunked', async () => {
      const abort = new AbortController();
      const stream = new SseReader(
        await fetch(server.sseUrl, { headers: { Accept: 'text/event-stream' }, signal: abort.signal }),
      );
      try {
        const [, endpoint] = await stream.waitFor(/data: (\/messages\?sessionId=[0-9a-f-]{36})\n/);
        expectTooLarge(
          await postHugeBody(`${server.url}${endpoint ?? ''}`, TWENTY_MB, { declared: false, headers: french }),
        );
      } finally {
        abort.abort();
        await stream.ended();
      }
    });

    it.each([
      ['with a Content-Length', [`Content-Length: ${TWENTY_MB}`]],
      ['chunked', ['Transfer-Encoding: chunked']],
    ])('a client that writes all 20 MB %s before reading still reads the 413', async (_, framing) => {
      const connection = await RawConnection.open(server.url);
      const head = requestHead('POST', '/mcp', [
        'Content-Type: application/json',
        `Accept: ${ACCEPT_BOTH}`,
        'Accept-Language: fr',
        ...framing,
      ]);
      const chunked = framing[0] === 'Transfer-Encoding: chunked';
      const piece = Buffer.alloc(1024 * 1024, ' ');
      const framed = chunked ? Buffer.concat([Buffer.from('100000\r\n'), piece, Buffer.from('\r\n')]) : piece;
      void connection.write(head);
      for (let i = 0; i < 20; i++) void connection.write(framed);
      if (chunked) void connection.write('0\r\n\r\n');
      await connection.closedWithin(5000);
      expect(connection.status).toBe(413);
      const [headers = '', body = ''] = connection.received.split('\r\n\r\n');
      expectTooLarge({
        status: 413,
        headers: { connection: /\r\nConnection: (\S+)/i.exec(headers)?.[1] },
        body: Buffer.from(body, 'latin1').toString('utf8'),
      });
    });

    it('a client that never stops sending is answered and cut off within about a second', async () => {
      const connection = await RawConnection.open(server.url);
      await connection.write(
        requestHead('POST', '/mcp', [
          'Content-Type: application/json',
          `Accept: ${ACCEPT_BOTH}`,
          'Transfer-Encoding: chunked',
        ]),
      );
      const piece = Buffer.concat([Buffer.from('10000\r\n'), Buffer.alloc(0x10000, ' '), Buffer.from('\r\n')]);
      void connection.trickle(() => piece, 1);
      await connection.closedWithin(1000 + CUT_MARGIN_MS + 1000);
      expect(connection.status).toBe(413);
    });
  });
});
