import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';

/** Raw Streamable HTTP exchanges for tests that check the transport's own answers (status, headers). */
export const ACCEPT_BOTH = 'application/json, text/event-stream';

export async function post(
  url: URL | string,
  body: unknown,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<Response> {
  return fetch(url, {
    signal,
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: ACCEPT_BOTH,
      'MCP-Protocol-Version': LATEST_PROTOCOL_VERSION,
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const initializeRequest = {
  jsonrpc: '2.0',
  id: 0,
  method: 'initialize',
  params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
};

export const listToolsRequest = { jsonrpc: '2.0', id: 1, method: 'tools/list' };

export const toolCallRequest = (name: string, args: Record<string, unknown> = {}, id = 2) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: { name, arguments: args },
});

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

/** Opens a session (initialize + initialized) and returns its id. */
export async function openSession(url: URL | string, headers: Record<string, string> = {}): Promise<string> {
  const res = await post(url, initializeRequest, headers);
  if (res.status !== 200) throw new Error(`initialize answered ${res.status}: ${await res.text()}`);
  await res.text();
  const id = res.headers.get('mcp-session-id');
  if (id === null) throw new Error('initialize returned no Mcp-Session-Id');
  const initialized = await post(
    url,
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    { ...headers, 'Mcp-Session-Id': id },
  );
  await initialized.text();
  return id;
}

/** The JSON-RPC error of a refused exchange. */
export async function jsonRpcError(
  res: Response,
): Promise<{ code: number; message: string; data: { code: string; correlationId: string } }> {
  const body = (await res.json()) as {
    error: { code: number; message: string; data: { code: string; correlationId: string } };
  };
  return body.error;
}
