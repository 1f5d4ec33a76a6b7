import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JsonOrSseTransport } from './json-or-sse-transport';

/** The SDK's per-stream bookkeeping the transport must not let grow (webStandardStreamableHttp.js, SDK 1.32). */
interface Bookkeeping {
  readonly _streamMapping: ReadonlyMap<string, unknown>;
  readonly _requestToStreamMapping: ReadonlyMap<unknown, string>;
}

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

describe('JsonOrSseTransport, one session over HTTP', () => {
  let transport: JsonOrSseTransport;
  let server: Server;
  let url: string;
  let nextId = 0;
  const bookkeeping = (): Bookkeeping =>
    (transport as unknown as { _webStandardTransport: Bookkeeping })._webStandardTransport;

  /** A JSON-RPC request (or several, as a batch) POSTed; streamed as SSE when `stream`, else JSON. */
  const post = async (methods: string[], stream = false): Promise<string> => {
    const messages = methods.map((method) => ({ jsonrpc: '2.0', id: (nextId += 1), method, params: {} }));
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        'X-Stream': String(stream),
        ...(transport.sessionId === undefined
          ? {}
          : { 'Mcp-Session-Id': transport.sessionId, 'MCP-Protocol-Version': '2025-06-18' }),
      },
      body: JSON.stringify(messages.length === 1 ? messages[0] : messages),
    });
    expect(res.status).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    transport = new JsonOrSseTransport({ sessionIdGenerator: () => 'session-1' });
    const mcp = new McpServer({ name: 'spec', version: '1' });
    mcp.registerTool('noop', { description: 'does nothing' }, () => ({ content: [] }));
    await mcp.connect(transport);
    server = createServer((req, res) => {
      void bodyOf(req).then(async (body) => transport.handle(req, res, body, req.headers['x-stream'] === 'true'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 0,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'spec', version: '1' } },
      }),
    });
    expect(res.status).toBe(200);
    await res.text();
  });

  afterAll(async () => {
    await transport.close();
    await new Promise((resolve) => server.close(resolve));
  });

  // Found by npm run bench:soak: the SDK kept every JSON-answered POST of a session, with its Response.
  it('forgets each answered POST, JSON or SSE, single or batched: a long session does not grow', async () => {
    for (let n = 0; n < 20; n += 1) expect(await post(['tools/list'])).toContain('"noop"');
    expect(await post(['ping', 'tools/list'])).toContain('"noop"');
    expect(await post(['tools/list'], true)).toContain('"noop"');
    expect(bookkeeping()._streamMapping.size).toBe(0);
    expect(bookkeeping()._requestToStreamMapping.size).toBe(0);
  });
});
