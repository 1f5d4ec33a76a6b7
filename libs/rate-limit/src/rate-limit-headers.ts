import type { Response } from 'express';
import type { RateLimitRecord } from './rate-limit-record';
import { windowSeconds, type RateLimitRule } from './rate-limit-rule';

const LIMIT = 'RateLimit-Limit';
const REMAINING = 'RateLimit-Remaining';
const RESET = 'RateLimit-Reset';
const POLICY = 'RateLimit-Policy';

/** `600;w=60`: the quota and its window in seconds. */
const policy = (rule: RateLimitRule): string => `${rule.limit};w=${windowSeconds(rule)}`;

/**
 * The RateLimit-* fields of the IETF draft (draft-ietf-httpapi-ratelimit-headers, the
 * RateLimit-Limit/-Remaining/-Reset form; Reset in seconds). Several limits apply to one request:
 * Limit, Remaining and Reset tell the one closest to running out, RateLimit-Policy lists them all.
 */
export const rateLimitHeaders = {
  /** Sets (or tightens) the fields of `res` after a hit that `rule` let through. */
  passed(res: Response, rule: RateLimitRule, record: RateLimitRecord): void {
    const remaining = Math.max(0, rule.limit - record.totalHits);
    const shown = res.getHeader(REMAINING);
    if (shown === undefined || remaining < Number(shown)) {
      res.setHeader(LIMIT, String(rule.limit));
      res.setHeader(REMAINING, String(remaining));
      res.setHeader(RESET, String(record.timeToExpire));
    }
    const policies = res.getHeader(POLICY);
    res.setHeader(POLICY, policies === undefined ? policy(rule) : `${String(policies)}, ${policy(rule)}`);
  },

  /** The fields of a refusal by `rule`: nothing left until `retryAfterSeconds` have passed. */
  refused(rule: RateLimitRule, retryAfterSeconds: number): Record<string, string> {
    return {
      [LIMIT]: String(rule.limit),
      [REMAINING]: '0',
      [RESET]: String(retryAfterSeconds),
      [POLICY]: policy(rule),
    };
  },
};
