/** Which limit: each has its own counters, refusal message and event. */
export type RateLimitName = 'ip' | 'user' | 'auth-failures' | 'write-tools';

/** A limit: at most `limit` hits per window of `ttlMs`, per tracker (an address, a principal). */
export interface RateLimitRule {
  readonly name: RateLimitName;
  readonly limit: number;
  readonly ttlMs: number;
  /**
   * ThrottlerStorage's block duration. 0: a tracker over the limit is refused until its window ends.
   * More: refused for that long from the hit that went over, without counting meanwhile, and then
   * starts a fresh window.
   */
  readonly blockMs: number;
}

/** The window in seconds, as messages and RateLimit-Policy say it (`60`, `1.5`). */
export function windowSeconds(rule: RateLimitRule): number {
  return Number((rule.ttlMs / 1000).toFixed(3));
}
