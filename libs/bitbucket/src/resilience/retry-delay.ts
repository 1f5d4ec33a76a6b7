import type { BitbucketConfig } from '../bitbucket.config';
import type { UpstreamResponse } from '../upstream/upstream-response';

/** Seconds or an HTTP date, as Retry-After may carry either; undefined when absent or unreadable. */
export function retryAfterMs(response: UpstreamResponse | undefined, now = Date.now()): number | undefined {
  const value = response?.header('retry-after');
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retry number `attempt` (0-based): the server's Retry-After when it sent
 * one (Data Center does), else exponential backoff with full jitter (Cloud's 429 carries none).
 */
export function retryDelayMs(
  attempt: number,
  config: BitbucketConfig['retry'],
  response: UpstreamResponse | undefined,
  random: () => number = Math.random,
): number {
  const told = retryAfterMs(response);
  if (told !== undefined) return told;
  const ceiling = Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}
