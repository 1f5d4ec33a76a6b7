import type { ThrottlerStorage } from '@nestjs/throttler';
import type { RateLimitRecord } from './rate-limit-record';

/**
 * Fixed-window counters with blocks, behind @nestjs/throttler's storage interface (memory, or Redis
 * shared by the replicas). `increment` counts a hit of `key` and says whether it is refused: over
 * `limit` in its window of `ttl` ms, or blocked; see RateLimitRule for `blockDuration`.
 */
export abstract class RateLimitStorage implements ThrottlerStorage {
  abstract increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<RateLimitRecord>;

  /** How long `key` stays blocked, in ms (0 when it is not), without counting a hit. */
  abstract blockedForMs(key: string): Promise<number>;
}
