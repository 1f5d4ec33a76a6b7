import {
  CancelledNotificationSchema,
  type JSONRPCErrorResponse,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type JSONRPCResultResponse,
  type RequestId,
} from '@modelcontextprotocol/sdk/types.js';

/*
 * What a message already checked against the SDK's JSONRPCMessageSchema is, by its members alone. The
 * SDK's own guards (isJSONRPCRequest and the like) parse the whole message with zod on every call, and
 * a failed parse builds an error object: on the hot path of every tools/call that was several parses
 * per message (docs/SLA.md, level 2).
 */

/** A request: a method and an id (a notification has no id, a response no method). */
export const isRequestMessage = (message: JSONRPCMessage): message is JSONRPCRequest =>
  'method' in message && 'id' in message;

/** A response, with a result or an error. */
export const isResponseMessage = (message: JSONRPCMessage): message is JSONRPCResultResponse | JSONRPCErrorResponse =>
  'result' in message || 'error' in message;

/** The request a `notifications/cancelled` cancels; undefined for any other message. */
export function cancelledRequestId(message: JSONRPCMessage): RequestId | undefined {
  if (!('method' in message) || message.method !== 'notifications/cancelled') return undefined;
  const cancelled = CancelledNotificationSchema.safeParse(message);
  return cancelled.success ? cancelled.data.params.requestId : undefined;
}
