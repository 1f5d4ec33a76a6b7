import { Translator } from '@app/common';
import { McpServerFactory } from '@app/mcp';
import { Inject, Injectable, type MessageEvent } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { endAtCredentialExpiry } from '../http/credential-expiry';
import { httpChecks } from '../http/http-checks';
import { readJsonRpcBody } from '../http/read-json-rpc-body';
import { requestPrincipalId } from '../http/request-principal';
import { ToolCallAccessCheck } from '../http/tool-call-access-check';
import { newMcpSession } from '../new-mcp-session';
import type { SessionCloseReason } from '../session/mcp-session-events';
import { McpSessionRegistry } from '../session/mcp-session-registry.service';
import { newSessionId } from '../session/new-session-id';
import { TransportErrorCode } from '../transport-error-code.enum';
import { transportConfig, type TransportConfig } from '../transport.config';
import { TransportException } from '../transport.exception';
import { LegacySseSession } from './legacy-sse-session';
import { ObservableSseTransport } from './observable-sse.transport';

/** GET /sse opens a legacy session and streams it; POST /messages?sessionId= feeds it. */
@Injectable()
export class LegacySseEndpoint {
  constructor(
    private readonly registry: McpSessionRegistry,
    private readonly factory: McpServerFactory,
    private readonly translator: Translator,
    private readonly access: ToolCallAccessCheck,
    @Inject(transportConfig.KEY) private readonly config: TransportConfig,
  ) {}

  async open(signal: AbortSignal): Promise<Observable<MessageEvent>> {
    const admission = this.registry.admit(requestPrincipalId());
    const id = newSessionId(this.config.sessionRoute);
    const state = newMcpSession(this.translator.currentLocale());
    const sse = new ObservableSseTransport(id, `/messages?sessionId=${id}`, this.config.sse.keepAliveMs);
    // A legacy session ends with its stream: the client went away, unless its credential expired first.
    let endReason: SessionCloseReason = 'disconnect';
    sse.onclose = () => {
      this.registry.remove(id, endReason);
    };
    const mcp = await this.factory.connect(state, sse).catch((error: unknown) => {
      admission.release();
      throw error;
    });
    const session = new LegacySseSession(id, admission.principalId, state, sse, mcp, this.config.sse.retryMs);
    this.registry.add(session, admission);
    // Open while its stream is: never reaped as idle, gone when the client disconnects.
    const release = this.registry.opened(id);
    // A legacy session lives as long as its stream: it ends when the credential that opened it expires.
    const cancelExpiry = endAtCredentialExpiry(() => {
      endReason = 'credential-expired';
      session.endStreams();
    });
    const end = (): void => {
      cancelExpiry();
      release();
      void this.registry.close(id, endReason);
    };
    // A client gone while the session was being set up must not leave it (and its quota place) behind.
    if (signal.aborted) end();
    else signal.addEventListener('abort', end, { once: true });
    return sse.events();
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
