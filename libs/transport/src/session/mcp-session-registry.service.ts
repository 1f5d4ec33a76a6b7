import { ShutdownState } from '@app/health';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { TransportErrorCode } from '../transport-error-code.enum';
import { transportConfig, type TransportConfig } from '../transport.config';
import { TransportException } from '../transport.exception';
import type { RegisteredSession } from './registered-session';

interface Entry {
  readonly session: RegisteredSession;
  lastSeen: number;
  /** HTTP exchanges of this session still open (requests being answered, streams). */
  open: number;
}

const RETRY_WHEN_FULL_SECONDS = 30;
const MAX_REAP_INTERVAL_MS = 60000;

/**
 * The open MCP sessions of this process, of every transport: admission (capacity, shutdown),
 * ownership (a session is found only by its principal; anyone else gets the same 404 as for an
 * unknown id), idle reaping, and polite closing of streams when the server drains.
 */
@Injectable()
export class McpSessionRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('McpSessions');
  private readonly sessions = new Map<string, Entry>();
  private reaper: NodeJS.Timeout | undefined;
  private accepting = true;

  constructor(
    @Inject(transportConfig.KEY) private readonly config: TransportConfig,
    private readonly shutdown: ShutdownState,
  ) {}

  onModuleInit(): void {
    const every = Math.min(MAX_REAP_INTERVAL_MS, Math.max(250, Math.floor(this.config.sessionIdleTtlMs / 4)));
    this.reaper = setInterval(() => void this.reapIdle(), every).unref();
    this.shutdown.onDrain(() => {
      this.accepting = false;
      for (const { session } of this.sessions.values()) session.endStreams();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.reaper);
    await Promise.all([...this.sessions.keys()].map(async (id) => this.close(id)));
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

  /** Throws when no new session may open now (draining, or at MCP_MAX_SESSIONS). */
  admit(): void {
    this.assertServing();
    if (this.sessions.size >= this.config.maxSessions) {
      throw new TransportException(TransportErrorCode.SESSIONS_FULL, `${this.sessions.size} sessions open`, {
        params: { retryAfterSeconds: RETRY_WHEN_FULL_SECONDS },
        retryAfterSeconds: RETRY_WHEN_FULL_SECONDS,
      });
    }
  }

  add(session: RegisteredSession): void {
    this.sessions.set(session.id, { session, lastSeen: Date.now(), open: 0 });
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

  /** Forgets a session that closed itself (DELETE, transport closed). */
  remove(id: string): void {
    this.sessions.delete(id);
  }

  async close(id: string): Promise<void> {
    const entry = this.sessions.get(id);
    if (entry === undefined) return;
    this.sessions.delete(id);
    await entry.session.close().catch((error: unknown) => {
      this.logger.warn(`Closing session ${id}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** Closes sessions idle (nothing open) for longer than MCP_SESSION_IDLE_TTL_MS; returns how many. */
  async reapIdle(now = Date.now()): Promise<number> {
    const idle = [...this.sessions.entries()]
      .filter(([, entry]) => entry.open === 0 && now - entry.lastSeen > this.config.sessionIdleTtlMs)
      .map(([id]) => id);
    await Promise.all(idle.map(async (id) => this.close(id)));
    if (idle.length > 0) this.logger.log(`Reaped ${idle.length} idle session(s); ${this.sessions.size} open`);
    return idle.length;
  }
}
