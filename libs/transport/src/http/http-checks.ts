import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import type { Request } from 'express';
import { TransportErrorCode } from '../transport-error-code.enum';
import { TransportException } from '../transport.exception';

/** Header checks of the Streamable HTTP spec, done before the SDK so refusals are ours (localized, correlated). */
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

  sessionId(req: Request): string | undefined {
    const id = req.headers['mcp-session-id'];
    return typeof id === 'string' && id !== '' ? id : undefined;
  },
};
