import type { McpSession } from '@app/mcp';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RegisteredSession } from '../session/registered-session';
import type { JsonOrSseTransport } from './json-or-sse-transport';

/** One Streamable HTTP session: the SDK transport, the MCP server bound to it, and its state. */
export class StreamableHttpSession implements RegisteredSession {
  readonly transport = 'streamable-http';

  constructor(
    readonly id: string,
    readonly principalId: string,
    readonly state: McpSession,
    private readonly http: JsonOrSseTransport,
    private readonly mcp: McpServer,
  ) {}

  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    body: JSONRPCMessage | JSONRPCMessage[] | undefined,
    stream: boolean,
  ): Promise<void> {
    return this.http.handle(req, res, body, stream);
  }

  endStreams(): void {
    this.http.closeStandaloneSSEStream();
  }

  async close(): Promise<void> {
    return this.mcp.close();
  }
}
