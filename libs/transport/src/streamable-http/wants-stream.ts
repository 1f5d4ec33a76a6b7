import { isRequestMessage, type McpSession } from '@app/mcp';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/**
 * Whether a POST is answered as an SSE stream (its notifications reach the client as they happen)
 * rather than one JSON body: when a request asks for progress, or the client asked for log messages.
 */
export function wantsStream(body: JSONRPCMessage | JSONRPCMessage[], session: McpSession): boolean {
  if (session.loggingRequested) return true;
  const messages = Array.isArray(body) ? body : [body];
  return messages.some((message) => isRequestMessage(message) && message.params?._meta?.progressToken !== undefined);
}
