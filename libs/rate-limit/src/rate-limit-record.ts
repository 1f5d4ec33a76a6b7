import type { ThrottlerStorage } from '@nestjs/throttler';

/** What ThrottlerStorage.increment answers (durations in seconds, as ThrottlerGuard reads them). */
export type RateLimitRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** The record of a hit, from milliseconds: the window's time left, and the block's (0 when not refused). */
export function rateLimitRecord(hits: number, windowMs: number, blockedMs: number): RateLimitRecord {
  return {
    totalHits: hits,
    timeToExpire: Math.ceil(windowMs / 1000),
    isBlocked: blockedMs > 0,
    timeToBlockExpire: Math.ceil(blockedMs / 1000),
  };
}
