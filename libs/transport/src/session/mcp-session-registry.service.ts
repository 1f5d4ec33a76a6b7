import { RequestContext } from '@app/common';
import { ShutdownState } from '@app/health';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { isLocalUser } from '../http/request-principal';
import { TransportErrorCode } from '../transport-error-code.enum';
import { transportConfig, type TransportConfig } from '../transport.config';
import { TransportException } from '../transport.exception';
import { McpSessionEvents, type SessionCloseReason } from './mcp-session-events';
import type { RegisteredSession } from './registered-session';
import { SessionAdmission } from './session-admission';

interface Entry {
  readonly session: RegisteredSession;
  lastSeen: number;
  /** HTTP exchanges of this session still open (requests being answered, streams). */
  open: number;
}

const RETRY_WHEN_FULL_SECONDS = 30;
const MAX_REAP_INTERVAL_MS = 60000;

/**
 * The open MCP sessions of this process, of every transport: admission (capacity, per-principal quota,
 * shutdown), ownership (a session is found only by its principal; anyone else gets the same 404 as for
 * an unknown id), idle reaping, and polite closing of streams when the server drains.
 */
@Injectable()
export class McpSessionRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('McpSessions');
  private readonly sessions = new Map<string, Entry>();
  /** Places held per principal: its sessions and its admissions not yet settled. */
  private readonly placesByPrincipal = new Map<string, number>();
  private places = 0;
  private readonly reapEveryMs: number;
  private reaper: NodeJS.Timeout | undefined;
  private accepting = true;

  constructor(
    @Inject(transportConfig.KEY) private readonly config: TransportConfig,
    private readonly shutdown: ShutdownState,
    private readonly events: McpSessionEvents,
  ) {
    this.reapEveryMs = Math.min(MAX_REAP_INTERVAL_MS, Math.max(250, Math.floor(config.sessionIdleTtlMs / 4)));
  }

  onModuleInit(): void {
    this.reaper = setInterval(() => void this.reapIdle(), this.reapEveryMs).unref();
    this.shutdown.onDrain(() => {
      this.accepting = false;
      for (const { session } of this.sessions.values()) session.endStreams();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.reaper);
    await Promise.all([...this.sessions.keys()].map(async (id) => this.close(id, 'shutdown')));
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Throws while draining: no new session or long-lived stream may start (it would hold up the exit). */
  assertServing(): void {
    if (!this.accepting) {
      throw new TransportException(TransportErrorCode.SHUTTING_DOWN, 'draining: no new sessions or streams', {
        retryAfterSeconds: 1,
      });
    }
  }

  /**
   * Holds a place for a new session of `principalId`, or throws when none may open now: draining, at
   * MCP_MAX_SESSIONS (503), or the principal at MCP_MAX_SESSIONS_PER_PRINCIPAL (429; the local user of
   * a server without authentication is not counted, being every caller there is).
   */
  admit(principalId: string): SessionAdmission {
    this.assertServing();
    if (this.places >= this.config.maxSessions) {
      throw new TransportException(TransportErrorCode.SESSIONS_FULL, `${this.places} sessions open or opening`, {
        params: { retryAfterSeconds: RETRY_WHEN_FULL_SECONDS },
        retryAfterSeconds: RETRY_WHEN_FULL_SECONDS,
      });
    }
    const held = this.placesByPrincipal.get(principalId) ?? 0;
    if (held >= this.config.maxSessionsPerPrincipal && !isLocalUser(principalId)) {
      throw this.quotaReached(principalId, held);
    }
    this.take(principalId);
    return new SessionAdmission(principalId, (owner) => {
      this.giveBack(owner);
    });
  }

  /** Registers a session in the place its admission held. */
  add(session: RegisteredSession, admission: SessionAdmission): void {
    // An admission already given back no longer holds a place: the session takes a new one.
    if (!admission.handOver()) this.take(session.principalId);
    this.sessions.set(session.id, { session, lastSeen: Date.now(), open: 0 });
    this.events.emit('opened', { transport: session.transport });
  }

  /** The session `id` of `principalId`, or the 404 an unknown session gets. */
  find(id: string, principalId: string): RegisteredSession {
    const entry = this.sessions.get(id);
    if (entry?.session.principalId !== principalId) {
      throw new TransportException(TransportErrorCode.SESSION_NOT_FOUND, `no session ${id} for this principal`);
    }
    entry.lastSeen = Date.now();
    return entry.session;
  }

  /**
   * The language of session `id` when `principalId` owns it, without counting as activity; undefined
   * for an unknown or foreign session (whose language is none of the caller's business).
   */
  localeOf(id: string | undefined, principalId: string): string | undefined {
    const session = id === undefined ? undefined : this.sessions.get(id)?.session;
    return session?.principalId === principalId ? session.state.locale : undefined;
  }

  /** Marks an HTTP exchange of the session open until the returned function is called (idempotent). */
  opened(id: string): () => void {
    const entry = this.sessions.get(id);
    if (entry === undefined) return () => undefined;
    entry.open += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      entry.open -= 1;
      entry.lastSeen = Date.now();
    };
  }

  /** Forgets a session that closed itself (DELETE, transport closed); the first reason given counts. */
  remove(id: string, reason: SessionCloseReason): void {
    this.forget(id, reason);
  }

  async close(id: string, reason: SessionCloseReason): Promise<void> {
    const entry = this.forget(id, reason);
    if (entry === undefined) return;
    await entry.session.close().catch((error: unknown) => {
      this.logger.warn(`Closing session ${id}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** Closes sessions idle (nothing open) for longer than MCP_SESSION_IDLE_TTL_MS; returns how many. */
  async reapIdle(now = Date.now()): Promise<number> {
    const idle = [...this.sessions.entries()]
      .filter(([, entry]) => entry.open === 0 && now - entry.lastSeen > this.config.sessionIdleTtlMs)
      .map(([id]) => id);
    await Promise.all(idle.map(async (id) => this.close(id, 'idle')));
    if (idle.length > 0) this.logger.log(`Reaped ${idle.length} idle session(s); ${this.sessions.size} open`);
    return idle.length;
  }

  private forget(id: string, reason: SessionCloseReason): Entry | undefined {
    const entry = this.sessions.get(id);
    if (entry === undefined) return undefined;
    this.sessions.delete(id);
    this.giveBack(entry.session.principalId);
    // While draining, streams end because the server asked them to: whatever closes a session then, it is the shutdown.
    this.events.emit('closed', { transport: entry.session.transport, reason: this.accepting ? reason : 'shutdown' });
    return entry;
  }

  private take(principalId: string): void {
    this.places += 1;
    this.placesByPrincipal.set(principalId, (this.placesByPrincipal.get(principalId) ?? 0) + 1);
  }

  private giveBack(principalId: string): void {
    this.places -= 1;
    const held = (this.placesByPrincipal.get(principalId) ?? 0) - 1;
    if (held > 0) this.placesByPrincipal.set(principalId, held);
    else this.placesByPrincipal.delete(principalId);
  }

  /**
   * The refusal of a principal at its quota. It waits until its first idle session is reaped (or a
   * whole idle period when every one has an open stream), unless it closes one before: DELETE /mcp,
   * or the end of a legacy /sse stream, frees a place at once.
   */
  private quotaReached(principalId: string, held: number): TransportException {
    const now = Date.now();
    let soonestReap = now + this.config.sessionIdleTtlMs;
    for (const { session, open, lastSeen } of this.sessions.values()) {
      if (session.principalId === principalId && open === 0) {
        soonestReap = Math.min(soonestReap, lastSeen + this.config.sessionIdleTtlMs);
      }
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((soonestReap - now + this.reapEveryMs) / 1000));
    this.logger.log({
      message: `Refused a new session to ${principalId}: ${held} open or opening, its quota is ${this.config.maxSessionsPerPrincipal}`,
      correlationId: RequestContext.correlationId(),
    });
    return new TransportException(TransportErrorCode.SESSION_QUOTA, `${principalId} holds ${held} sessions`, {
      params: { quota: this.config.maxSessionsPerPrincipal, retryAfterSeconds },
      retryAfterSeconds,
    });
  }
}
