import type { McpSession } from '@app/mcp';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RegisteredSession } from '../session/registered-session';
import type { ObservableSseTransport } from './observable-sse.transport';

/** One legacy HTTP+SSE session: its stream-backed transport and the MCP server bound to it. */
export class LegacySseSession implements RegisteredSession {
  readonly transport = 'sse';

  constructor(
    readonly id: string,
    readonly principalId: string,
    readonly state: McpSession,
    readonly sse: ObservableSseTransport,
    private readonly mcp: McpServer,
    private readonly retryMs: number,
  ) {}

  endStreams(): void {
    this.sse.end(this.retryMs);
  }

  async close(): Promise<void> {
    return this.mcp.close();
  }
}
