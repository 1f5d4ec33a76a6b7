import type { FaultRuleInput } from './fault-rule';

/** A registered fault rule and what it has seen so far. */
export class FaultRuleState {
  readonly pattern: RegExp;
  /** Requests this rule took (so at most `times`); a request let through once `times` ran out is not one. */
  matched = 0;
  private windowStart = 0;
  private windowCount = 0;

  constructor(
    readonly id: number,
    readonly rule: FaultRuleInput,
  ) {
    this.pattern = new RegExp(rule.path);
  }

  matches(method: string, path: string): boolean {
    return (this.rule.method === undefined || this.rule.method === method) && this.pattern.test(path);
  }

  /** Takes a matching request and counts it; false once `times` is used up. */
  take(): boolean {
    if (this.rule.times !== undefined && this.matched >= this.rule.times) return false;
    this.matched += 1;
    return true;
  }

  /** True when this request must fail: every request without an error rate, an even share with one. */
  failsNow(): boolean {
    const rate = this.rule.errorRate;
    if (rate === undefined) return true;
    return Math.floor(this.matched * rate) > Math.floor((this.matched - 1) * rate);
  }

  /** Milliseconds until the rate-limit window reopens, or 0 when this request is within budget. */
  rateLimitedFor(now: number): number {
    const limit = this.rule.rateLimit;
    if (limit === undefined) return 0;
    if (now - this.windowStart >= limit.windowMs) {
      this.windowStart = now;
      this.windowCount = 0;
    }
    this.windowCount += 1;
    return this.windowCount > limit.budget ? this.windowStart + limit.windowMs - now : 0;
  }

  describe(): FaultRuleInput & { id: number; matched: number } {
    return { id: this.id, ...this.rule, matched: this.matched };
  }
}
