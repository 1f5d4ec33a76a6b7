import { Translator } from '@app/common';
import { McpServerFactory, type McpSession } from '@app/mcp';
import { Inject, Injectable } from '@nestjs/common';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { endAtCredentialExpiry } from '../http/credential-expiry';
import { requestPrincipalId } from '../http/request-principal';
import { newMcpSession } from '../new-mcp-session';
import { transportConfig, type TransportConfig } from '../transport.config';
import type { SessionCloseReason } from './mcp-session-events';
import { McpSessionRegistry } from './mcp-session-registry.service';
import { newSessionId } from './new-session-id';
import type { RegisteredSession } from './registered-session';
import type { SessionAdmission } from './session-admission';

/** What a transport makes of a session McpSessionOpener opens: its SDK transport and its registered session. */
export interface SessionKind<T extends Transport, S extends RegisteredSession> {
  /** Why the session ended when its transport closes by itself: the client's DELETE, or its stream gone. */
  readonly closeReason: SessionCloseReason;
  /**
   * The transport of session `id`. One whose SDK establishes the session when it accepts the client's
   * initialize calls `established` then (McpSessionOpener.openOnInitialize).
   */
  transport(id: string, established: () => void): T;
  session(id: string, principalId: string, state: McpSession, transport: T, mcp: McpServer): S;
}

/**
 * Opens the MCP sessions of the HTTP transports, the same way for each: a place admitted for the
 * calling principal (capacity, its quota, draining), an id routed to this replica (MCP_SESSION_ROUTE),
 * its state in the request's language, its server connected to the transport the kind builds, its
 * registration, and its place given back when it never registers.
 */
@Injectable()
export class McpSessionOpener {
  constructor(
    private readonly registry: McpSessionRegistry,
    private readonly factory: McpServerFactory,
    private readonly translator: Translator,
    @Inject(transportConfig.KEY) private readonly config: TransportConfig,
  ) {}

  /**
   * Opens a session with the client's initialize (Streamable HTTP): `initialize` answers it while the
   * session's place is held, and the session registers when the SDK accepts it. One the SDK refused
   * (bad version, bad params) leaves nothing behind.
   */
  async openOnInitialize<T extends Transport, S extends RegisteredSession>(
    kind: SessionKind<T, S>,
    initialize: (session: S) => Promise<void>,
  ): Promise<void> {
    const admission = this.registry.admit(requestPrincipalId());
    try {
      // Set by the SDK's callback, during `initialize`.
      const registration = { done: false };
      const session = await this.connect(
        kind,
        admission,
        () => kind.closeReason,
        () => {
          registration.done = true;
          this.registry.add(session, admission);
        },
      );
      await initialize(session);
      if (!registration.done) await session.close();
    } finally {
      // Its place goes back unless the session took it.
      admission.release();
    }
  }

  /**
   * Opens a session that lives as long as the stream `stream` belongs to (legacy SSE): registered at
   * once (its client initializes it on later requests), open (never reaped as idle) while the stream
   * is, ended when the credential that opened it expires, and closed when the stream goes, even if
   * it went while the session was being set up (its quota place is not left behind).
   */
  async openForStream<T extends Transport, S extends RegisteredSession>(
    kind: SessionKind<T, S>,
    stream: AbortSignal,
  ): Promise<S> {
    const admission = this.registry.admit(requestPrincipalId());
    let endReason = kind.closeReason;
    const session = await this.connect(kind, admission, () => endReason).catch((error: unknown) => {
      admission.release();
      throw error;
    });
    this.registry.add(session, admission);
    const release = this.registry.opened(session.id);
    const cancelExpiry = endAtCredentialExpiry(() => {
      endReason = 'credential-expired';
      session.endStreams();
    });
    const end = (): void => {
      cancelExpiry();
      release();
      void this.registry.close(session.id, endReason);
    };
    if (stream.aborted) end();
    else stream.addEventListener('abort', end, { once: true });
    return session;
  }

  /** A session of `kind` with its server connected; its transport closing by itself forgets it. */
  private async connect<T extends Transport, S extends RegisteredSession>(
    kind: SessionKind<T, S>,
    admission: SessionAdmission,
    closeReason: () => SessionCloseReason,
    established: () => void = () => undefined,
  ): Promise<S> {
    const id = newSessionId(this.config.sessionRoute);
    const state = newMcpSession(this.translator.currentLocale());
    const transport = kind.transport(id, established);
    // The registry's own closes forget the session first: this reason counts only when the transport closed first.
    transport.onclose = () => {
      this.registry.remove(id, closeReason());
    };
    const mcp = await this.factory.connect(state, transport);
    return kind.session(id, admission.principalId, state, transport, mcp);
  }
}
