import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { JsonOrSseTransport, sdkTransportInternals } from './json-or-sse-transport';

const HEADERS = {
  'Content-Type': 'application/json',
  Accept: 'application/json, text/event-stream',
  'MCP-Protocol-Version': '2025-06-18',
};

/**
 * One session's transport behind a loopback HTTP server that hands every body to `handle`, as the
 * endpoint does; a tool that answers when told to, so calls can be held in flight.
 */
async function serveOneSession(): Promise<{
  url: string;
  transport: JsonOrSseTransport;
  release: () => void;
  close: () => Promise<void>;
}> {
  const transport = new JsonOrSseTransport({ sessionIdGenerator: () => 'session-1' });
  const mcp = new McpServer({ name: 'spec', version: '1' });
  let releaseHeld: () => void = () => undefined;
  mcp.registerTool('echo', { inputSchema: { text: z.string(), hold: z.boolean().optional() } }, async (args) => {
    if (args.hold === true) await new Promise<void>((resolve) => (releaseHeld = resolve));
    return { content: [{ type: 'text', text: args.text }] };
  });
  await mcp.connect(transport);
  const http: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as JSONRPCMessage;
      transport.handle(req, res, body, false).catch(() => res.writeHead(409).end());
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    transport,
    release: () => {
      releaseHeld();
    },
    close: async () => {
      await mcp.close();
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

/** The SDK's map of open streams (webStandardStreamableHttp.js, SDK 1.32), which JSON answers must not grow. */
const openStreams = (transport: JsonOrSseTransport): number =>
  (transport as unknown as { _webStandardTransport: { _streamMapping: Map<string, unknown> } })._webStandardTransport
    ._streamMapping.size;

describe('JsonOrSseTransport', () => {
  let server: Awaited<ReturnType<typeof serveOneSession>>;
  const post = async (message: object, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${server.url}/mcp`, { method: 'POST', headers: { ...HEADERS, ...headers }, body: JSON.stringify(message) });
  const call = (id: number, args: object): object => ({
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: { name: 'echo', arguments: args },
  });

  beforeEach(async () => {
    server = await serveOneSession();
    await post({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'spec', version: '1' } },
    });
    await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, { 'Mcp-Session-Id': 'session-1' });
  });
  afterEach(async () => server.close());

  it('answers each call as JSON with the session id, and keeps no stream behind per answer', async () => {
    const before = openStreams(server.transport);
    for (let id = 1; id <= 50; id += 1) {
      const res = await post(call(id, { text: `call ${id}` }), { 'Mcp-Session-Id': 'session-1' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(res.headers.get('mcp-session-id')).toBe('session-1');
      expect(await res.json()).toEqual({
        jsonrpc: '2.0',
        id,
        result: { content: [{ type: 'text', text: `call ${id}` }] },
      });
    }
    expect(openStreams(server.transport)).toBe(before);
  });

  it('refuses a request reusing the id of one in flight, and ends a cancelled one with 202', async () => {
    const held = post(call(7, { text: 'held', hold: true }), { 'Mcp-Session-Id': 'session-1' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const duplicate = await post(call(7, { text: 'again' }), { 'Mcp-Session-Id': 'session-1' });
    expect(duplicate.status).toBe(409);
    const cancel = await post(
      { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 7 } },
      { 'Mcp-Session-Id': 'session-1' },
    );
    expect(cancel.status).toBe(202);
    const answer = await held;
    expect(answer.status).toBe(202);
    expect(await answer.text()).toBe('');
    server.release();
    // The id is free again once the cancelled call is over.
    const reused = await post(call(7, { text: 'reused' }), { 'Mcp-Session-Id': 'session-1' });
    expect(reused.status).toBe(200);
  });
});

/** The SDK's per-stream bookkeeping the transport must not let grow (webStandardStreamableHttp.js, SDK 1.32). */
interface Bookkeeping {
  readonly _streamMapping: ReadonlyMap<string, unknown>;
  readonly _requestToStreamMapping: ReadonlyMap<unknown, string>;
}

async function bodyOf(req: IncomingMessage): Promise<JSONRPCMessage | JSONRPCMessage[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as JSONRPCMessage | JSONRPCMessage[];
}

describe('JsonOrSseTransport, exchanges the SDK answers (initialize, batches, streams)', () => {
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

describe('JsonOrSseTransport, the SDK internals it steers', () => {
  afterEach(() => {
    Reflect.deleteProperty(StreamableHTTPServerTransport.prototype, '_webStandardTransport');
  });

  /** Makes every transport built from now on see `internals` as its SDK state, as an upgraded SDK would. */
  const sdkBuilds = (internals: object | undefined): void => {
    Object.defineProperty(StreamableHTTPServerTransport.prototype, '_webStandardTransport', {
      configurable: true,
      get: () => internals,
      set: () => undefined,
    });
  };

  it('finds them in the pinned SDK, at start-up and in each transport built', () => {
    expect(() => {
      JsonOrSseTransport.assertSdkInternals();
    }).not.toThrow();
    const transport = new JsonOrSseTransport({ sessionIdGenerator: undefined });
    expect(sdkTransportInternals(transport)._streamMapping).toBeInstanceOf(Map);
  });

  it('refuses to build a transport, naming what is missing, on an SDK that renamed or retyped one', () => {
    sdkBuilds({ _enableJsonResponse: false, _closed: 'no', _requestToStreamMapping: new Map(), _streams: new Map() });
    expect(() => new JsonOrSseTransport({ sessionIdGenerator: undefined })).toThrow(
      /StreamableHTTPServerTransport lacks _closed, _streamMapping as JsonOrSseTransport steers it .*SDK 1\.32\.2/,
    );
    expect(() => {
      JsonOrSseTransport.assertSdkInternals();
    }).toThrow(/lacks _closed, _streamMapping/);
  });

  it('refuses an SDK whose transport no longer wraps a web-standard one', () => {
    sdkBuilds(undefined);
    expect(() => new JsonOrSseTransport({ sessionIdGenerator: () => 'session-1' })).toThrow(
      /lacks _webStandardTransport as JsonOrSseTransport steers it/,
    );
  });
});
