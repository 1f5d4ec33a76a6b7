import type { McpSession } from '@app/mcp';

/** What the registry needs of an open MCP session, whatever its transport. */
export interface RegisteredSession {
  readonly id: string;
  /** The principal that created it; nobody else may use it. */
  readonly principalId: string;
  readonly transport: 'streamable-http' | 'sse';
  /** Its MCP state; its language is that of the HTTP errors of its requests naming none. */
  readonly state: McpSession;
  /** Politely ends its long-lived streams (shutdown); the client reconnects, here or elsewhere. */
  endStreams(): void;
  /** Closes its transport and MCP server. */
  close(): Promise<void>;
}
