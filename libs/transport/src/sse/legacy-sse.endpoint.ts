import { Inject, Injectable, type MessageEvent } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { httpChecks } from '../http/http-checks';
import { readJsonRpcBody } from '../http/read-json-rpc-body';
import { requestPrincipalId } from '../http/request-principal';
import { ToolCallAccessCheck } from '../http/tool-call-access-check';
import { McpSessionOpener, type SessionKind } from '../session/mcp-session-opener';
import { McpSessionRegistry } from '../session/mcp-session-registry.service';
import { TransportErrorCode } from '../transport-error-code.enum';
import { transportConfig, type TransportConfig } from '../transport.config';
import { TransportException } from '../transport.exception';
import { LegacySseSession } from './legacy-sse-session';
import { ObservableSseTransport } from './observable-sse.transport';

/** GET /sse opens a legacy session and streams it; POST /messages?sessionId= feeds it. */
@Injectable()
export class LegacySseEndpoint {
  private readonly sessionKind: SessionKind<ObservableSseTransport, LegacySseSession>;

  constructor(
    private readonly registry: McpSessionRegistry,
    private readonly opener: McpSessionOpener,
    private readonly access: ToolCallAccessCheck,
    @Inject(transportConfig.KEY) private readonly config: TransportConfig,
  ) {
    this.sessionKind = {
      // A legacy session ends with its stream: the client went away (unless its credential expired first).
      closeReason: 'disconnect',
      transport: (id) => new ObservableSseTransport(id, `/messages?sessionId=${id}`, this.config.sse.keepAliveMs),
      session: (id, principalId, state, sse, mcp) =>
        new LegacySseSession(id, principalId, state, sse, mcp, this.config.sse.retryMs),
    };
  }

  async open(signal: AbortSignal): Promise<Observable<MessageEvent>> {
    const session = await this.opener.openForStream(this.sessionKind, signal);
    return session.sse.events();
  }

  async message(sessionId: string | undefined, req: Request): Promise<void> {
    if (sessionId === undefined || sessionId === '') {
      throw new TransportException(TransportErrorCode.SESSION_REQUIRED, 'POST /messages without sessionId');
    }
    const session = this.registry.find(sessionId, requestPrincipalId());
    if (!(session instanceof LegacySseSession)) {
      throw new TransportException(TransportErrorCode.SESSION_NOT_FOUND, `session ${sessionId} is not a legacy one`);
    }
    const body = await readJsonRpcBody(req, this.config.maxBodyBytes);
    await this.access.check(body);
    httpChecks.batch(req, body, session.state.protocolVersion);
    // Answers go back on the one stream, by id: a second request with the id of one in flight is refused.
    httpChecks.uniqueRequestIds(body, (requestId) => session.sse.inFlight(requestId));
    for (const message of Array.isArray(body) ? body : [body]) {
      session.sse.receive(message, { requestInfo: { headers: req.headers } });
    }
  }
}
