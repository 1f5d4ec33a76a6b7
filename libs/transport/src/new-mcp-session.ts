import type { McpSession } from '@app/mcp';

/** The state of a session just opened, in `locale`: log messages at info, none sent until the client asks. */
export function newMcpSession(locale: string): McpSession {
  return { locale, logLevel: 'info', loggingRequested: false };
}
