import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { RateLimitErrorCode } from './rate-limit-error-code.enum';
import { RateLimitEvents } from './rate-limit-events';
import { rateLimitHeaders } from './rate-limit-headers';
import { windowSeconds, type RateLimitName, type RateLimitRule } from './rate-limit-rule';
import { RateLimitException } from './rate-limit.exception';
import { RateLimitStorage } from './rate-limit.storage';

/** How many tracker keys are kept hashed; past it the memo starts again (trackers repeat, hashing costs). */
const MAX_MEMOIZED_KEYS = 10_000;

const REFUSAL_CODE: Readonly<Record<RateLimitName, RateLimitErrorCode>> = {
  ip: RateLimitErrorCode.IP,
  user: RateLimitErrorCode.USER,
  'write-tools': RateLimitErrorCode.WRITE_TOOLS,
  'auth-failures': RateLimitErrorCode.AUTH_FAILURES,
};

/**
 * Counts hits against the limits and refuses the ones over them: the 429 (localized message with the
 * limit and the wait, Retry-After, RateLimit-* fields) and a `rate-limited` event. Trackers (addresses,
 * principal ids) are hashed into the keys, so the counters (in Redis too) hold no personal data.
 */
@Injectable()
export class RateLimiter {
  private readonly keys = new Map<string, string>();

  constructor(
    private readonly storage: RateLimitStorage,
    private readonly events: RateLimitEvents,
  ) {}

  /** Counts a hit of `tracker` against `rule`; throws the refusal once it is over. `res` gets the RateLimit-* fields. */
  async consume(rule: RateLimitRule, tracker: string, res?: Response): Promise<void> {
    const record = await this.storage.increment(
      this.key(rule, tracker),
      rule.ttlMs,
      rule.limit,
      rule.blockMs,
      rule.name,
    );
    if (record.isBlocked) throw this.refusal(rule, record.timeToBlockExpire);
    if (res !== undefined) rateLimitHeaders.passed(res, rule, record);
  }

  /**
   * Counts an event of `tracker` (a refused credential) against `rule` without refusing it: the
   * `rule.limit`-th blocks the tracker for `rule.blockMs` (see `assertNotBlocked`). Never rejects: a
   * failure that cannot be counted (Redis away, failing closed) is not counted.
   */
  async count(rule: RateLimitRule, tracker: string): Promise<void> {
    await this.storage
      .increment(this.key(rule, tracker), rule.ttlMs, rule.limit - 1, rule.blockMs, rule.name)
      .catch(() => undefined);
  }

  /** Throws the refusal while `tracker` is blocked under `rule`. */
  async assertNotBlocked(rule: RateLimitRule, tracker: string): Promise<void> {
    const blockedMs = await this.storage.blockedForMs(this.key(rule, tracker));
    if (blockedMs > 0) throw this.refusal(rule, Math.ceil(blockedMs / 1000));
  }

  private refusal(rule: RateLimitRule, retryAfterSeconds: number): RateLimitException {
    const retryAfter = Math.max(1, retryAfterSeconds);
    this.events.emit('rate-limited', { limit: rule.name });
    return new RateLimitException(REFUSAL_CODE[rule.name], `over the ${rule.name} limit (${rule.limit})`, {
      params: { limit: rule.limit, windowSeconds: windowSeconds(rule), retryAfter },
      retryAfterSeconds: retryAfter,
      headers: rateLimitHeaders.refused(rule, retryAfter),
    });
  }

  private key(rule: RateLimitRule, tracker: string): string {
    const id = `${rule.name}:${tracker}`;
    let key = this.keys.get(id);
    if (key === undefined) {
      if (this.keys.size >= MAX_MEMOIZED_KEYS) this.keys.clear();
      key = `${rule.name}:${createHash('sha256').update(tracker).digest('base64url').slice(0, 22)}`;
      this.keys.set(id, key);
    }
    return key;
  }
}
