import { rateLimitRecord, type RateLimitRecord } from './rate-limit-record';
import { RateLimitStorage } from './rate-limit.storage';

/** How often finished windows and blocks are forgotten, so one-off trackers do not accumulate. */
const SWEEP_INTERVAL_MS = 60_000;

interface Window {
  hits: number;
  readonly endsAt: number;
}

/**
 * The counters of one process: the storage without REDIS_URL, and the Redis storage's fallback while
 * Redis is away. Same semantics as the Redis script (redis-rate-limit.storage.ts), synchronously.
 */
export class MemoryRateLimitStorage extends RateLimitStorage {
  private readonly windows = new Map<string, Window>();
  /** When each blocked key is free again (epoch ms). */
  private readonly blocks = new Map<string, number>();
  private nextSweepAt: number;

  constructor(private readonly now: () => number = Date.now) {
    super();
    this.nextSweepAt = now() + SWEEP_INTERVAL_MS;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<RateLimitRecord> {
    return Promise.resolve(this.hit(key, ttl, limit, blockDuration));
  }

  async blockedForMs(key: string): Promise<number> {
    return Promise.resolve(this.remainingBlockMs(key));
  }

  /** `increment`, synchronously. */
  hit(key: string, ttlMs: number, limit: number, blockMs: number): RateLimitRecord {
    const now = this.now();
    this.sweep(now);
    const blockedMs = this.remainingBlockMs(key, now);
    if (blockedMs > 0) return rateLimitRecord(limit + 1, blockedMs, blockedMs);
    let window = this.windows.get(key);
    if (window === undefined || window.endsAt <= now) {
      window = { hits: 0, endsAt: now + ttlMs };
      this.windows.set(key, window);
    }
    window.hits += 1;
    const windowMs = window.endsAt - now;
    if (window.hits <= limit) return rateLimitRecord(window.hits, windowMs, 0);
    if (blockMs <= 0) return rateLimitRecord(window.hits, windowMs, windowMs);
    this.blocks.set(key, now + blockMs);
    this.windows.delete(key);
    return rateLimitRecord(window.hits, blockMs, blockMs);
  }

  /** `blockedForMs`, synchronously. */
  remainingBlockMs(key: string, now = this.now()): number {
    const until = this.blocks.get(key);
    return until === undefined ? 0 : Math.max(0, until - now);
  }

  private sweep(now: number): void {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + SWEEP_INTERVAL_MS;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    for (const [key, until] of this.blocks) if (until <= now) this.blocks.delete(key);
  }
}
