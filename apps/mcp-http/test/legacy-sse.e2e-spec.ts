import { FakeBitbucketProcess, McpHttpProcess } from '@app/testing';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import { initializeRequest, jsonRpcError, post } from './mcp-http-client';
import { SseReader } from './sse-reader';

describe('legacy HTTP+SSE session rules (the built mcp-http app over real sockets)', () => {
  let fake: FakeBitbucketProcess;
  let server: McpHttpProcess;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
    server = await McpHttpProcess.start({ ...bitbucketEnv(fake, 'cloud'), MCP_SSE_KEEPALIVE_MS: '1000' });
  });

  afterAll(async () => {
    await server.stop();
    await fake.stop();
  });

  it('opens with the endpoint event, answers POSTs 202 on the stream, keeps alive, and forgets the session on disconnect', async () => {
    // 1 s keep-alive interval and the disconnect make this test slower than the default 5 s allows on a busy machine.
    const abort = new AbortController();
    const res = await fetch(server.sseUrl, { headers: { Accept: 'text/event-stream' }, signal: abort.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const stream = new SseReader(res);
    const [, endpoint] = await stream.waitFor(
      /^event: endpoint\n(?:id: \d+\n)?data: (\/messages\?sessionId=[0-9a-f-]{36})\n\n/m,
    );
    const messages = `${server.url}${endpoint ?? ''}`;

    const accepted = await post(messages, initializeRequest);
    expect(accepted.status).toBe(202);
    expect(await accepted.text()).toBe('Accepted');
    await stream.waitFor(/event: message\n(?:id: \d+\n)?data: \{"result":\{"protocolVersion"/);
    await stream.waitFor(/^: keep-alive$/m, 3000);

    abort.abort();
    await stream.ended();
    // The server notices the disconnect and closes the session.
    const deadline = Date.now() + 3000;
    let status = 0;
    while (Date.now() < deadline && status !== 404) {
      status = (await post(messages, { jsonrpc: '2.0', method: 'notifications/initialized' })).status;
    }
    expect(status).toBe(404);
  }, 15000);

  it('answers POST /messages without a session 400 and with an unknown one 404', async () => {
    const missing = await post(`${server.url}/messages`, initializeRequest);
    expect(missing.status).toBe(400);
    expect((await jsonRpcError(missing)).data.code).toBe('MCP_SESSION_REQUIRED');
    const unknown = await post(`${server.url}/messages?sessionId=nope`, initializeRequest);
    expect(unknown.status).toBe(404);
    expect((await jsonRpcError(unknown)).data.code).toBe('MCP_SESSION_NOT_FOUND');
  });
});
