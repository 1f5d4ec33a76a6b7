import { UpstreamResponse } from '../upstream/upstream-response';
import { retryAfterMs, retryDelayMs } from './retry-delay';

const config = { maxRetries: 2, baseDelayMs: 200, maxDelayMs: 5000 };
const withHeader = (value: string): UpstreamResponse =>
  new UpstreamResponse(429, { 'retry-after': value }, Buffer.alloc(0));

describe('retry delays', () => {
  it('honours Retry-After in seconds or as an HTTP date', () => {
    expect(retryAfterMs(withHeader('7'))).toBe(7000);
    expect(retryAfterMs(withHeader('Thu, 01 Jan 2026 00:00:10 GMT'), Date.parse('Thu, 01 Jan 2026 00:00:00 GMT'))).toBe(
      10000,
    );
    expect(retryAfterMs(withHeader('soon'))).toBeUndefined();
    expect(retryDelayMs(0, config, withHeader('2'))).toBe(2000);
  });

  it('backs off exponentially with full jitter, capped, when the server gives no advice', () => {
    const noAdvice = new UpstreamResponse(429, {}, Buffer.alloc(0));
    expect(retryDelayMs(0, config, noAdvice, () => 1)).toBe(200);
    expect(retryDelayMs(3, config, noAdvice, () => 1)).toBe(1600);
    expect(retryDelayMs(10, config, noAdvice, () => 1)).toBe(5000);
    expect(retryDelayMs(2, config, noAdvice, () => 0)).toBe(0);
  });
});
