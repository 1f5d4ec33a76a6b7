import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { Request } from 'express';
import { TransportErrorCode } from '../transport-error-code.enum';
import { TransportException } from '../transport.exception';

/**
 * Reads and checks a POST body before the SDK sees it, so malformed input gets our localized,
 * correlated errors: too large (413, counted while streaming), not JSON (-32700), not JSON-RPC (-32600).
 */
export async function readJsonRpcBody(req: Request, maxBytes: number): Promise<JSONRPCMessage | JSONRPCMessage[]> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new TransportException(TransportErrorCode.UNSUPPORTED_MEDIA_TYPE, `Content-Type ${type || '(none)'}`);
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    throw new TransportException(TransportErrorCode.BODY_TOO_LARGE, `declared ${declared} bytes`, {
      params: { maxBytes },
    });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      req.destroy();
      throw new TransportException(TransportErrorCode.BODY_TOO_LARGE, `over ${maxBytes} bytes`, {
        params: { maxBytes },
      });
    }
    chunks.push(chunk);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new TransportException(TransportErrorCode.PARSE_ERROR, 'body is not JSON', { cause: error });
  }
  const messages = Array.isArray(parsed) ? parsed : [parsed];
  if (messages.length === 0 || !messages.every((message) => JSONRPCMessageSchema.safeParse(message).success)) {
    throw new TransportException(TransportErrorCode.INVALID_MESSAGE, 'body is not a JSON-RPC message');
  }
  return parsed as JSONRPCMessage | JSONRPCMessage[];
}
