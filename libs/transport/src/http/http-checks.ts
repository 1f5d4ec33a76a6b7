import { isRequestMessage } from '@app/mcp';
import {
  DEFAULT_NEGOTIATED_PROTOCOL_VERSION,
  isInitializeRequest,
  SUPPORTED_PROTOCOL_VERSIONS,
  type JSONRPCMessage,
  type RequestId,
} from '@modelcontextprotocol/sdk/types.js';
import type { Request } from 'express';
import { TransportErrorCode } from '../transport-error-code.enum';
import { TransportException } from '../transport.exception';

/** The first protocol version without JSON-RPC batching (2025-03-26 had it; versions are dates, so they sort). */
const FIRST_VERSION_WITHOUT_BATCHES = '2025-06-18';

/** Header and body checks of the MCP HTTP transports, done before the SDK so refusals are ours (localized, correlated). */
export const httpChecks = {
  /** A client must accept what we may answer: JSON and/or an event stream. */
  accepts(req: Request, ...types: readonly string[]): void {
    const accept = req.headers.accept ?? '';
    const missing = types.filter((type) => !accept.includes(type) && !accept.includes('*/*'));
    if (missing.length > 0) {
      throw new TransportException(TransportErrorCode.NOT_ACCEPTABLE, `Accept lacks ${missing.join(', ')}`, {
        params: { types: types.join(', ') },
      });
    }
  },

  protocolVersion(req: Request): void {
    const version = req.headers['mcp-protocol-version'];
    if (typeof version === 'string' && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
      throw new TransportException(TransportErrorCode.UNSUPPORTED_PROTOCOL_VERSION, `protocol ${version}`, {
        params: { version, supported: SUPPORTED_PROTOCOL_VERSIONS.join(', ') },
      });
    }
  },

  /**
   * A batch only under a protocol version that has them: the request's MCP-Protocol-Version header,
   * else an initialize's own version, else the one the session agreed, else 2025-03-26 (the version
   * the spec tells servers to assume without a header).
   */
  batch(req: Request, body: JSONRPCMessage | JSONRPCMessage[], sessionVersion: string | undefined): void {
    if (!Array.isArray(body)) return;
    const header = req.headers['mcp-protocol-version'];
    const version =
      (typeof header === 'string' ? header : undefined) ??
      body
        .map((message) => (isInitializeRequest(message) ? message.params.protocolVersion : undefined))
        .find(Boolean) ??
      sessionVersion ??
      DEFAULT_NEGOTIATED_PROTOCOL_VERSION;
    if (version >= FIRST_VERSION_WITHOUT_BATCHES) {
      throw new TransportException(TransportErrorCode.BATCH_NOT_SUPPORTED, `batch under protocol ${version}`, {
        params: { version },
      });
    }
  },

  /**
   * Request ids unique within the body and among the session's requests in flight: a second request
   * with the id of one still in flight would take over the way its answer goes back, and one of the
   * two would never be answered.
   */
  uniqueRequestIds(body: JSONRPCMessage | JSONRPCMessage[] | undefined, inFlight: (id: RequestId) => boolean): void {
    const messages = body === undefined ? [] : Array.isArray(body) ? body : [body];
    const seen = new Set<RequestId>();
    for (const message of messages) {
      if (!isRequestMessage(message)) continue;
      if (seen.has(message.id) || inFlight(message.id)) {
        throw new TransportException(TransportErrorCode.DUPLICATE_REQUEST_ID, `request id ${message.id} in flight`, {
          params: { id: String(message.id) },
        });
      }
      seen.add(message.id);
    }
  },

  sessionId(req: Request): string | undefined {
    const id = req.headers['mcp-session-id'];
    return typeof id === 'string' && id !== '' ? id : undefined;
  },
};
