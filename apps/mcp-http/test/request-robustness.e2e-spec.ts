import { FakeBitbucketProcess, McpHttpProcess, textAnswer } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectInvalidParamsRefused } from '../../../test/protocol/invalid-params';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import { initializeRequest, jsonRpcError, openSession, post, toolCallRequest } from './mcp-http-client';
import { SseReader } from './sse-reader';

const UUID = /^[0-9a-f-]{36}$/;
const REPOSITORY_PATH = '^/2\\.0/repositories/acme/payments-api$';
const getRepository = (id: number) =>
  toolCallRequest('get_repository', { workspace: 'acme', repo: 'payments-api' }, id);
const TOOL_TIMEOUT_MS = 3000;

/** Requests that used to stay unanswered, crash a handler or be answered vaguely: each gets a precise, timely answer. */
describe('every request ends with a precise answer (the built mcp-http app over real sockets)', () => {
  let fake: FakeBitbucketProcess;
  let server: McpHttpProcess;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });

  beforeAll(async () => {
    server = await McpHttpProcess.start({
      ...bitbucketEnv(fake, 'cloud'),
      MCP_TOOL_TIMEOUT_MS: String(TOOL_TIMEOUT_MS),
    });
  });

  beforeEach(async () => {
    await fake.reset();
  });

  // Two hooks: a server that never started must not leave the fake running.
  afterAll(async () => {
    await server.stop();
  });

  afterAll(async () => {
    await fake.stop();
  });

  describe('a request id already in flight', () => {
    it('Streamable HTTP: refuses the second request 409 -32600, and still answers the first', async () => {
      const session = { 'Mcp-Session-Id': await openSession(server.mcpUrl) };
      await fake.addFault({ path: REPOSITORY_PATH, latencyMs: 1000, times: 1 });
      const first = post(server.mcpUrl, getRepository(5), session);
      await fake.waitForPendingRequest(REPOSITORY_PATH);

      const second = await post(server.mcpUrl, getRepository(5), session);
      expect(second.status).toBe(409);
      const error = await jsonRpcError(second);
      expect(error).toMatchObject({ code: -32600, data: { code: 'MCP_DUPLICATE_REQUEST_ID' } });
      expect(error.message).toContain('5');
      expect(error.data.correlationId).toMatch(UUID);

      const answered = await first;
      expect(answered.status).toBe(200);
      expect(await answered.json()).toMatchObject({ id: 5, result: textAnswer('acme/payments-api') });
      // Answered, the id is free again.
      const reused = await post(server.mcpUrl, getRepository(5), session);
      expect(await reused.json()).toMatchObject({ id: 5, result: textAnswer('acme/payments-api') });
    });

    it('Streamable HTTP: refuses it while the first is answered as a stream, and in one batch', async () => {
      const session = { 'Mcp-Session-Id': await openSession(server.mcpUrl), 'MCP-Protocol-Version': '2025-03-26' };
      await fake.addFault({ path: REPOSITORY_PATH, latencyMs: 1000, times: 1 });
      const streamed = getRepository(6);
      const first = post(
        server.mcpUrl,
        { ...streamed, params: { ...streamed.params, _meta: { progressToken: 'p6' } } },
        session,
      );
      await fake.waitForPendingRequest(REPOSITORY_PATH);
      expect((await post(server.mcpUrl, getRepository(6), session)).status).toBe(409);
      const answered = await first;
      expect(answered.headers.get('content-type')).toContain('text/event-stream');
      expect(await answered.text()).toContain('"text":"acme/payments-api');

      const batch = await post(server.mcpUrl, [getRepository(7), getRepository(7)], session);
      expect(batch.status).toBe(409);
      expect((await jsonRpcError(batch)).data.code).toBe('MCP_DUPLICATE_REQUEST_ID');
    });

    it('legacy HTTP+SSE: refuses the second POST 409, answers the first once on the stream', async () => {
      const abort = new AbortController();
      const stream = new SseReader(
        await fetch(server.sseUrl, { headers: { Accept: 'text/event-stream' }, signal: abort.signal }),
      );
      try {
        const [, endpoint] = await stream.waitFor(/data: (\/messages\?sessionId=[0-9a-f-]{36})\n/);
        const messages = `${server.url}${endpoint ?? ''}`;
        expect((await post(messages, initializeRequest)).status).toBe(202);
        await stream.waitFor(/"protocolVersion"/);
        expect((await post(messages, { jsonrpc: '2.0', method: 'notifications/initialized' })).status).toBe(202);

        await fake.addFault({ path: REPOSITORY_PATH, latencyMs: 1000, times: 1 });
        expect((await post(messages, getRepository(5))).status).toBe(202);
        await fake.waitForPendingRequest(REPOSITORY_PATH);
        const second = await post(messages, getRepository(5));
        expect(second.status).toBe(409);
        expect(await jsonRpcError(second)).toMatchObject({ code: -32600, data: { code: 'MCP_DUPLICATE_REQUEST_ID' } });

        const answersTo5 = (): number => stream.text.split('"jsonrpc":"2.0","id":5}').length - 1;
        await stream.waitFor(/"text":"acme\/payments-api/);
        await sleep(200);
        expect(answersTo5()).toBe(1);
        // Answered, the id is free again.
        expect((await post(messages, getRepository(5))).status).toBe(202);
        await stream.waitFor(/"text":"acme\/payments-api[^]*"text":"acme\/payments-api/);
        expect(answersTo5()).toBe(2);

        // This session agreed the latest protocol version, which has no batches.
        const batch = await post(messages, [toolCallRequest('get_current_user', {}, 8)]);
        expect(batch.status).toBe(400);
        expect(await jsonRpcError(batch)).toMatchObject({ code: -32600, data: { code: 'MCP_BATCH_NOT_SUPPORTED' } });
      } finally {
        abort.abort();
        await stream.ended();
      }
    });
  });

  it(`stops a call at MCP_TOOL_TIMEOUT_MS (${TOOL_TIMEOUT_MS} ms): TOOL_TIMEOUT, and its Bitbucket request aborted`, async () => {
    const session = { 'Mcp-Session-Id': await openSession(server.mcpUrl) };
    await fake.addFault({ path: REPOSITORY_PATH, latencyMs: 8000, times: 1 });
    const started = Date.now();
    const res = await post(server.mcpUrl, getRepository(9), session);
    const elapsed = Date.now() - started;
    const body = (await res.json()) as { result: { isError: boolean; content: { text: string }[] } };
    expect(body.result.isError).toBe(true);
    expect(body.result.content[0]?.text).toMatch(
      new RegExp(
        `^get_repository did not finish within ${TOOL_TIMEOUT_MS} ms and was stopped\\. .*\\n\\(error TOOL_TIMEOUT, correlation id [0-9a-f-]{36}\\)$`,
      ),
    );
    expect(elapsed).toBeGreaterThanOrEqual(TOOL_TIMEOUT_MS - 100);
    expect(elapsed).toBeLessThan(8000);
    const deadline = Date.now() + 5000;
    let outcomes: string[] = [];
    while (Date.now() < deadline && !outcomes.includes('aborted')) {
      outcomes = (await fake.requests({ path: REPOSITORY_PATH })).map((request) => request.outcome);
      await sleep(50);
    }
    expect(outcomes).toEqual(['aborted']);
  });

  describe('a request the client cancels', () => {
    const cancel = (requestId: number) => ({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId, reason: 'the user gave up' },
    });

    it.each([
      ['answered as JSON', undefined],
      ['answered as a stream', 'p10'],
    ])(
      '%s: its HTTP exchange ends at once, its Bitbucket request is aborted, its id is free again',
      async (_, progressToken) => {
        const session = { 'Mcp-Session-Id': await openSession(server.mcpUrl) };
        await fake.addFault({ path: REPOSITORY_PATH, latencyMs: 8000, times: 1 });
        const request = getRepository(10);
        const started = Date.now();
        const pending = post(
          server.mcpUrl,
          progressToken === undefined
            ? request
            : { ...request, params: { ...request.params, _meta: { progressToken } } },
          session,
        );
        await fake.waitForPendingRequest(REPOSITORY_PATH);
        expect((await post(server.mcpUrl, cancel(10), session)).status).toBe(202);

        const ended = await pending;
        // A cancelled request gets no JSON-RPC answer (MCP cancellation): an empty 202, or a stream closed without one.
        expect(ended.status).toBe(progressToken === undefined ? 202 : 200);
        expect(await ended.text()).not.toContain('"id":10');
        expect(Date.now() - started).toBeLessThan(3000);
        const deadline = Date.now() + 5000;
        let outcomes: string[] = [];
        while (Date.now() < deadline && !outcomes.includes('aborted')) {
          outcomes = (await fake.requests({ path: REPOSITORY_PATH })).map((logged) => logged.outcome);
          await sleep(50);
        }
        expect(outcomes).toEqual(['aborted']);
        const reused = await post(server.mcpUrl, getRepository(10), session);
        expect(await reused.json()).toMatchObject({ id: 10, result: textAnswer('acme/payments-api') });
      },
    );
  });

  describe('params that break their method’s schema: -32602 naming the field', () => {
    const connectors: [string, () => Transport][] = [
      ['Streamable HTTP', () => new StreamableHTTPClientTransport(server.mcpUrl)],
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the legacy transport is what this case proves.
      ['legacy HTTP+SSE', () => new SSEClientTransport(server.sseUrl)],
    ];
    for (const [name, transport] of connectors) {
      it(`over ${name}`, async () => {
        const client = new Client({ name: 'invalid-params', version: '1.0.0' });
        await client.connect(transport());
        try {
          await expectInvalidParamsRefused(client);
        } finally {
          await client.close();
        }
      });
    }

    it('an initialize without a session, in the caller’s language', async () => {
      const res = await post(
        server.mcpUrl,
        { ...initializeRequest, params: { capabilities: {}, clientInfo: { name: 'raw', version: '1' } } },
        { 'Accept-Language': 'fr' },
      );
      expect(res.status).toBe(400);
      const error = await jsonRpcError(res);
      expect(error).toMatchObject({ code: -32602, data: { code: 'MCP_INVALID_PARAMS' } });
      expect(error.message).toBe('Paramètres invalides pour initialize : params.protocolVersion est obligatoire');
    });
  });

  describe('JSON-RPC batches, which protocol 2025-06-18 removed', () => {
    const batch = [toolCallRequest('get_current_user', {}, 1), { jsonrpc: '2.0', id: 2, method: 'ping' }];
    const openAt = async (version: string): Promise<string> => {
      const res = await post(
        server.mcpUrl,
        { ...initializeRequest, params: { ...initializeRequest.params, protocolVersion: version } },
        { 'MCP-Protocol-Version': version },
      );
      await res.text();
      return res.headers.get('mcp-session-id') ?? '';
    };

    it('are served under 2025-03-26', async () => {
      const id = await openAt('2025-03-26');
      const res = await post(server.mcpUrl, batch, { 'Mcp-Session-Id': id, 'MCP-Protocol-Version': '2025-03-26' });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject([{ id: 1, result: textAnswer('(alice') }, { id: 2 }]);
    });

    it('are refused -32600 under 2025-06-18 and later: by header, by the session’s version, by an initialize’s', async () => {
      const refused = async (res: Response): Promise<string> => {
        expect(res.status).toBe(400);
        const error = await jsonRpcError(res);
        expect(error).toMatchObject({ code: -32600, data: { code: 'MCP_BATCH_NOT_SUPPORTED' } });
        return error.message;
      };
      const id = await openAt('2025-06-18');
      expect(
        await refused(
          await post(server.mcpUrl, batch, {
            'Mcp-Session-Id': id,
            'MCP-Protocol-Version': '2025-11-25',
            'Accept-Language': 'fr',
          }),
        ),
      ).toBe(
        "La version 2025-11-25 du protocole MCP n'a pas de lots JSON-RPC : envoyez chaque message dans sa propre requête.",
      );
      // No header: the version the session agreed at initialize.
      const noHeader = await fetch(server.mcpUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json, text/event-stream',
          'Mcp-Session-Id': id,
        },
        body: JSON.stringify(batch),
      });
      expect(await refused(noHeader)).toContain('2025-06-18');
      const initialize = {
        ...initializeRequest,
        params: { ...initializeRequest.params, protocolVersion: '2025-06-18' },
      };
      const initializeBatch = await fetch(server.mcpUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
        body: JSON.stringify([initialize]),
      });
      expect(await refused(initializeBatch)).toContain('2025-06-18');
    });
  });
});
