import { Translator } from '@app/common';
import { invalidParams, McpServerFactory } from '@app/mcp';
import { Inject, Injectable } from '@nestjs/common';
import { isInitializeRequest, isJSONRPCRequest, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { Request, Response } from 'express';
import { McpEventStore } from '../event-store/mcp-event-store';
import { SessionEventStore } from '../event-store/session-event-store';
import { endAtCredentialExpiry } from '../http/credential-expiry';
import { httpChecks } from '../http/http-checks';
import { readJsonRpcBody } from '../http/read-json-rpc-body';
import { requestPrincipalId } from '../http/request-principal';
import { ToolCallAccessCheck } from '../http/tool-call-access-check';
import { newMcpSession } from '../new-mcp-session';
import { McpSessionOpener, type SessionKind } from '../session/mcp-session-opener';
import { McpSessionRegistry } from '../session/mcp-session-registry.service';
import { TransportErrorCode } from '../transport-error-code.enum';
import { transportConfig, type TransportConfig } from '../transport.config';
import { TransportException } from '../transport.exception';
import { JsonOrSseTransport } from './json-or-sse-transport';
import { StreamableHttpSession } from './streamable-http-session';
import { wantsStream } from './wants-stream';

const isInitialize = (body: JSONRPCMessage | JSONRPCMessage[]): boolean =>
  Array.isArray(body) ? body.some(isInitializeRequest) : isInitializeRequest(body);

/**
 * POST/GET/DELETE /mcp: sessions created on initialize and owned by their principal, each POST
 * answered as JSON or SSE (see wantsStream), resumable streams through the event store, and the
 * stateless mode (one throwaway server per POST) for deployments without session affinity.
 */
@Injectable()
export class StreamableHttpEndpoint {
  private readonly sessionKind: SessionKind<JsonOrSseTransport, StreamableHttpSession>;

  constructor(
    private readonly registry: McpSessionRegistry,
    private readonly opener: McpSessionOpener,
    private readonly factory: McpServerFactory,
    private readonly eventStore: McpEventStore,
    private readonly translator: Translator,
    private readonly access: ToolCallAccessCheck,
    @Inject(transportConfig.KEY) private readonly config: TransportConfig,
  ) {
    this.sessionKind = {
      // The transport closes by itself only on the client's DELETE.
      closeReason: 'client',
      transport: (id, established) =>
        new JsonOrSseTransport({
          sessionIdGenerator: () => id,
          eventStore: new SessionEventStore(this.eventStore, id),
          retryInterval: this.config.sse.retryMs,
          keepAliveMs: this.config.sse.keepAliveMs,
          onsessioninitialized: established,
        }),
      session: (id, principalId, state, http, mcp) => new StreamableHttpSession(id, principalId, state, http, mcp),
    };
  }

  async post(req: Request, res: Response): Promise<void> {
    httpChecks.accepts(req, 'application/json', 'text/event-stream');
    httpChecks.protocolVersion(req);
    const body = await readJsonRpcBody(req, this.config.maxBodyBytes);
    await this.access.check(body);
    if (this.config.stateless) {
      httpChecks.batch(req, body, undefined);
      return this.stateless(req, res, body);
    }
    const id = httpChecks.sessionId(req);
    if (id === undefined) {
      httpChecks.batch(req, body, undefined);
      if (!isInitialize(body)) {
        this.refuseInvalidInitialize(body);
        throw new TransportException(TransportErrorCode.SESSION_REQUIRED, 'POST without Mcp-Session-Id');
      }
      return this.initialize(req, res, body);
    }
    const session = this.session(id);
    httpChecks.batch(req, body, session.state.protocolVersion);
    await this.exchange(session, req, res, body, wantsStream(body, session.state));
  }

  /** The standalone stream of server messages, or the resumption of a cut stream (Last-Event-ID). */
  async get(req: Request, res: Response): Promise<void> {
    this.statefulOnly();
    httpChecks.accepts(req, 'text/event-stream');
    httpChecks.protocolVersion(req);
    this.registry.assertServing();
    const session = this.session(this.requiredSessionId(req));
    // Long streams are closed politely (the client resumes with Last-Event-ID and misses nothing),
    // and never outlive the credential that opened them.
    // A resumed stream is one the SDK cannot close by itself: it is cut, and the client resumes again.
    const resumed = req.headers['last-event-id'] !== undefined;
    res.once(
      'close',
      endAtCredentialExpiry(() => {
        if (resumed) res.destroy();
        else session.endStreams();
      }, this.config.sse.maxStreamMs),
    );
    // A GET is always a stream; it must not make concurrent POSTs answer as SSE.
    await this.exchange(session, req, res, undefined, false);
  }

  async delete(req: Request, res: Response): Promise<void> {
    this.statefulOnly();
    httpChecks.protocolVersion(req);
    const session = this.session(this.requiredSessionId(req));
    await this.exchange(session, req, res, undefined, false);
    this.registry.remove(session.id, 'client');
  }

  private async initialize(req: Request, res: Response, body: JSONRPCMessage | JSONRPCMessage[]): Promise<void> {
    await this.opener.openOnInitialize(this.sessionKind, async (session) =>
      this.exchange(session, req, res, body, wantsStream(body, session.state)),
    );
  }

  private async stateless(req: Request, res: Response, body: JSONRPCMessage | JSONRPCMessage[]): Promise<void> {
    const state = newMcpSession(this.translator.currentLocale());
    const http = new JsonOrSseTransport({ sessionIdGenerator: undefined });
    const mcp = await this.factory.connect(state, http);
    // No session to resume into: once the exchange is over, the throwaway server goes too.
    res.once('close', () => void mcp.close());
    await http.handle(req, res, body, wantsStream(body, state));
  }

  private async exchange(
    session: StreamableHttpSession,
    req: Request,
    res: Response,
    body: JSONRPCMessage | JSONRPCMessage[] | undefined,
    stream: boolean,
  ): Promise<void> {
    res.once('close', this.registry.opened(session.id));
    await session.handle(req, res, body, stream);
  }

  /**
   * Without a session, only an initialize is served, and the SDK tells one by its params: an initialize
   * with bad params is refused here, naming them, rather than as a request without a session.
   */
  private refuseInvalidInitialize(body: JSONRPCMessage | JSONRPCMessage[]): void {
    const locale = this.translator.currentLocale();
    for (const message of Array.isArray(body) ? body : [body]) {
      if (!isJSONRPCRequest(message) || message.method !== 'initialize') continue;
      const refusal = invalidParams(message, this.translator, locale);
      if (refusal !== undefined) throw refusal;
    }
  }

  private session(id: string): StreamableHttpSession {
    const session = this.registry.find(id, requestPrincipalId());
    if (!(session instanceof StreamableHttpSession)) {
      throw new TransportException(TransportErrorCode.SESSION_NOT_FOUND, `session ${id} is not a Streamable HTTP one`);
    }
    return session;
  }

  private requiredSessionId(req: Request): string {
    const id = httpChecks.sessionId(req);
    if (id === undefined) throw new TransportException(TransportErrorCode.SESSION_REQUIRED, 'no Mcp-Session-Id');
    return id;
  }

  private statefulOnly(): void {
    if (this.config.stateless) {
      throw new TransportException(TransportErrorCode.METHOD_NOT_ALLOWED, 'stateless mode: POST only', {
        headers: { Allow: 'POST' },
      });
    }
  }
}
