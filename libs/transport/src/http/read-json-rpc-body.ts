import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { Request } from 'express';
import { finished } from 'node:stream';
import { TransportErrorCode } from '../transport-error-code.enum';
import { TransportException } from '../transport.exception';

/** How long the rest of an over-limit body is read and dropped before the 413 goes out. */
const DISCARD_MS = 1000;

/** The 413 closes the connection (Connection: close): nothing more is read from it once the answer is out. */
const tooLarge = (maxBytes: number, detail: string): TransportException =>
  new TransportException(TransportErrorCode.BODY_TOO_LARGE, detail, {
    params: { maxBytes },
    headers: { Connection: 'close' },
  });

/**
 * The body, kept up to `maxBytes`, by Content-Length or counted as a chunked body arrives. Past the
 * limit nothing more is kept: the rest is read and dropped until the body ends, for at most
 * DISCARD_MS, and then the 413 goes out. A client that writes its whole body before reading (curl,
 * most HTTP libraries) can then read the 413, where closing at once would reset the connection under
 * it (RFC 9112 §9.6); one that keeps sending is cut off when the time is up.
 */
async function readBody(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let discarding: NodeJS.Timeout | undefined;
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(discarding);
      req.off('data', onData);
      stopWatching();
      outcome();
    };
    const refuse = (): void => {
      settle(() => {
        req.pause();
        reject(tooLarge(maxBytes, declared > maxBytes ? `declared ${declared} bytes` : `over ${maxBytes} bytes`));
      });
    };
    const discard = (): void => {
      chunks.length = 0;
      discarding = setTimeout(refuse, DISCARD_MS);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (discarding !== undefined) return;
      if (size > maxBytes) discard();
      else chunks.push(chunk);
    };
    const stopWatching = finished(req, { writable: false }, (error) => {
      if (discarding !== undefined) {
        refuse();
        return;
      }
      settle(() => {
        if (error === undefined || error === null) resolve(Buffer.concat(chunks));
        else reject(error);
      });
    });
    req.on('data', onData);
    if (declared > maxBytes) discard();
  });
}

/**
 * Reads and checks a POST body before the SDK sees it, so malformed input gets our localized,
 * correlated errors: too large (413), not JSON (-32700), not JSON-RPC (-32600).
 */
export async function readJsonRpcBody(req: Request, maxBytes: number): Promise<JSONRPCMessage | JSONRPCMessage[]> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new TransportException(TransportErrorCode.UNSUPPORTED_MEDIA_TYPE, `Content-Type ${type || '(none)'}`);
  }
  const body = await readBody(req, maxBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new TransportException(TransportErrorCode.PARSE_ERROR, 'body is not JSON', { cause: error });
  }
  const messages = Array.isArray(parsed) ? parsed : [parsed];
  if (messages.length === 0 || !messages.every((message) => JSONRPCMessageSchema.safeParse(message).success)) {
    throw new TransportException(TransportErrorCode.INVALID_MESSAGE, 'body is not a JSON-RPC message');
  }
  return parsed as JSONRPCMessage | JSONRPCMessage[];
}
