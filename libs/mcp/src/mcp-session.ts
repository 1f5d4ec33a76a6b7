import type { LoggingLevel } from '@modelcontextprotocol/sdk/types.js';

/** Per-connection state an MCP server instance needs: whose language, which log level the client set, which protocol version. */
export interface McpSession {
  /** The language of user-facing messages for this session. */
  locale: string;
  /** Set by `logging/setLevel`; `notifications/message` below it are not sent. */
  logLevel: LoggingLevel;
  /** Whether the client called `logging/setLevel`, i.e. wants log messages as they happen. */
  loggingRequested: boolean;
  /** The protocol version agreed at initialize; undefined before it. */
  protocolVersion?: string;
}
