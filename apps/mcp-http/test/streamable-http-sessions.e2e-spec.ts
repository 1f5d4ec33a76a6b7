import { FakeBitbucketProcess, McpHttpProcess, textAnswer } from '@app/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { initializeRequest, jsonRpcError, listToolsRequest, openSession, post } from './mcp-http-client';
import { ServersOnFake } from './servers-on-fake';

const UUID = /^[0-9a-f-]{36}$/;

describe('Streamable HTTP session rules (the built mcp-http app over real sockets)', () => {
  const suite = new ServersOnFake();
  const start = async (env: Record<string, string> = {}): Promise<McpHttpProcess> => suite.start(env);
  let fake: FakeBitbucketProcess;

  beforeAll(async () => {
    fake = await suite.startFake();
  });

  afterAll(async () => {
    await suite.stopAll();
  });

  describe('with the default settings', () => {
    let server: McpHttpProcess;

    beforeAll(async () => {
      server = await start({ CORS_ORIGINS: 'https://app.example.com' });
    });

    it('answers a request without a session id 400, saying to initialize first', async () => {
      const res = await post(server.mcpUrl, listToolsRequest);
      expect(res.status).toBe(400);
      const error = await jsonRpcError(res);
      expect(error.data.code).toBe('MCP_SESSION_REQUIRED');
      expect(error.message).toContain('initialize');
      expect(error.data.correlationId).toMatch(UUID);
    });

    it('answers an unknown session id 404, in the caller’s language', async () => {
      const res = await post(server.mcpUrl, listToolsRequest, {
        'Mcp-Session-Id': 'no-such-session',
        'Accept-Language': 'fr',
      });
      expect(res.status).toBe(404);
      const error = await jsonRpcError(res);
      expect(error).toMatchObject({ code: -32001, data: { code: 'MCP_SESSION_NOT_FOUND' } });
      expect(error.message).toContain('Session introuvable');
    });

    it('serves a session until DELETE, then answers its id 404', async () => {
      const id = await openSession(server.mcpUrl);
      const listed = await post(server.mcpUrl, listToolsRequest, { 'Mcp-Session-Id': id });
      expect(listed.status).toBe(200);
      expect(listed.headers.get('content-type')).toContain('application/json');
      expect(((await listed.json()) as { result: { tools: unknown[] } }).result.tools.length).toBeGreaterThan(0);

      const deleted = await fetch(server.mcpUrl, { method: 'DELETE', headers: { 'Mcp-Session-Id': id } });
      expect(deleted.status).toBe(200);
      const reused = await post(server.mcpUrl, listToolsRequest, { 'Mcp-Session-Id': id });
      expect(reused.status).toBe(404);
    });

    it('streams a call that asks for progress as SSE with event ids, and answers the rest as JSON', async () => {
      const id = await openSession(server.mcpUrl);
      const call = async (meta: Record<string, unknown>) =>
        post(
          server.mcpUrl,
          {
            jsonrpc: '2.0',
            id: 7,
            method: 'tools/call',
            params: { name: 'get_current_user', arguments: {}, _meta: meta },
          },
          { 'Mcp-Session-Id': id },
        );
      const plain = await call({});
      expect(plain.headers.get('content-type')).toContain('application/json');
      expect(await plain.json()).toMatchObject({ id: 7, result: textAnswer('(alice') });

      const streamed = await call({ progressToken: 'p1' });
      expect(streamed.headers.get('content-type')).toContain('text/event-stream');
      const events = await streamed.text();
      expect(events).toMatch(/^id: \S+\.\S+$/m);
      expect(events).toContain('"content"');
    });

    it('answers a call in flight as JSON when the standalone stream opens meanwhile', async () => {
      const id = await openSession(server.mcpUrl);
      const repositoryPath = '^/2\\.0/repositories/acme/payments-api$';
      await fake.addFault({ path: repositoryPath, latencyMs: 1000, times: 1 });
      const call = post(
        server.mcpUrl,
        {
          jsonrpc: '2.0',
          id: 8,
          method: 'tools/call',
          params: { name: 'get_repository', arguments: { workspace: 'acme', repo: 'payments-api' } },
        },
        { 'Mcp-Session-Id': id },
      );
      await fake.waitForPendingRequest(repositoryPath);
      const abort = new AbortController();
      const stream = await fetch(server.mcpUrl, {
        headers: { Accept: 'text/event-stream', 'Mcp-Session-Id': id },
        signal: abort.signal,
      });
      expect(stream.status).toBe(200);
      // The stream holding the response mode on SSE used to leave this answer unsent: the client waited forever.
      const answered = await call;
      abort.abort();
      expect(answered.headers.get('content-type')).toContain('application/json');
      expect(await answered.json()).toMatchObject({ id: 8, result: textAnswer('acme/payments-api') });
    });

    it('keeps answering plain calls as JSON while the standalone stream is open', async () => {
      const id = await openSession(server.mcpUrl);
      const abort = new AbortController();
      const stream = await fetch(server.mcpUrl, {
        headers: { Accept: 'text/event-stream', 'Mcp-Session-Id': id },
        signal: abort.signal,
      });
      expect(stream.status).toBe(200);
      const answered = await post(server.mcpUrl, listToolsRequest, { 'Mcp-Session-Id': id });
      abort.abort();
      expect(answered.headers.get('content-type')).toContain('application/json');
    });

    it('refuses a foreign Origin 403 and accepts an allowed one', async () => {
      const foreign = await post(server.mcpUrl, initializeRequest, { Origin: 'https://evil.example' });
      expect(foreign.status).toBe(403);
      expect((await jsonRpcError(foreign)).data.code).toBe('MCP_ORIGIN_FORBIDDEN');
      const allowed = await post(server.mcpUrl, initializeRequest, { Origin: 'https://app.example.com' });
      expect(allowed.status).toBe(200);
    });

    it('refuses a Host that is not loopback while bound to loopback (DNS rebinding)', async () => {
      const { request } = await import('node:http');
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          server.mcpUrl,
          { method: 'POST', headers: { Host: 'rebind.evil.example', 'Content-Type': 'application/json' } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify(initializeRequest));
      });
      expect(status).toBe(403);
    });

    it('checks the body and headers before the SDK: bad JSON, not JSON-RPC, wrong protocol version, Accept, size', async () => {
      const cases: [Promise<Response>, number, string][] = [
        [post(server.mcpUrl, '{"jsonrpc":'), 400, 'MCP_PARSE_ERROR'],
        [post(server.mcpUrl, { hello: 'world' }), 400, 'MCP_INVALID_MESSAGE'],
        [
          post(server.mcpUrl, initializeRequest, { 'MCP-Protocol-Version': '1999-01-01' }),
          400,
          'MCP_UNSUPPORTED_PROTOCOL_VERSION',
        ],
        [post(server.mcpUrl, initializeRequest, { Accept: 'text/html' }), 406, 'MCP_NOT_ACCEPTABLE'],
        [post(server.mcpUrl, 'x'.repeat(2 * 1024 * 1024)), 413, 'MCP_BODY_TOO_LARGE'],
      ];
      for (const [answer, status, code] of cases) {
        const res = await answer;
        expect([res.status, (await jsonRpcError(res)).data.code]).toEqual([status, code]);
      }
      // And it keeps serving.
      expect((await post(server.mcpUrl, initializeRequest)).status).toBe(200);
    });
  });

  it('reaps idle sessions after MCP_SESSION_IDLE_TTL_MS', async () => {
    const server = await start({ MCP_SESSION_IDLE_TTL_MS: '1000' });
    const id = await openSession(server.mcpUrl);
    expect((await post(server.mcpUrl, listToolsRequest, { 'Mcp-Session-Id': id })).status).toBe(200);
    await sleep(2000);
    expect((await post(server.mcpUrl, listToolsRequest, { 'Mcp-Session-Id': id })).status).toBe(404);
  });

  it('answers 503 with Retry-After when MCP_MAX_SESSIONS are open', async () => {
    const server = await start({ MCP_MAX_SESSIONS: '2' });
    await openSession(server.mcpUrl);
    await openSession(server.mcpUrl);
    const third = await post(server.mcpUrl, initializeRequest);
    expect(third.status).toBe(503);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await jsonRpcError(third)).data.code).toBe('MCP_SESSIONS_FULL');
  });

  it('runs without sessions in stateless mode: POST works, GET and DELETE answer 405', async () => {
    const server = await start({ MCP_STATELESS: 'true' });
    const init = await post(server.mcpUrl, initializeRequest);
    expect(init.status).toBe(200);
    expect(init.headers.get('mcp-session-id')).toBeNull();
    const listed = await post(server.mcpUrl, listToolsRequest);
    expect(listed.status).toBe(200);
    for (const method of ['GET', 'DELETE']) {
      const res = await fetch(server.mcpUrl, { method, headers: { Accept: 'text/event-stream' } });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    }
  });
});
