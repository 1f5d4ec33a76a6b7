import type { Response } from 'express';
import { MemoryRateLimitStorage } from './memory-rate-limit.storage';
import { RateLimitErrorCode } from './rate-limit-error-code.enum';
import { RateLimitEvents, type RateLimitedEvent } from './rate-limit-events';
import type { RateLimitRule } from './rate-limit-rule';
import { RateLimitException } from './rate-limit.exception';
import type { RateLimitStorage } from './rate-limit.storage';
import { RateLimiter } from './rate-limiter.service';

/** The header calls the limiter makes on a response, over a map. */
function fakeResponse(): { res: Response; headers: Map<string, string> } {
  const headers = new Map<string, string>();
  const res = {
    getHeader: (name: string) => headers.get(name),
    setHeader: (name: string, value: string) => headers.set(name, value),
  } as unknown as Response;
  return { res, headers };
}

const IP: RateLimitRule = { name: 'ip', limit: 3, ttlMs: 60_000, blockMs: 0 };
const USER: RateLimitRule = { name: 'user', limit: 2, ttlMs: 30_000, blockMs: 0 };
const AUTH_FAILURES: RateLimitRule = { name: 'auth-failures', limit: 2, ttlMs: 300_000, blockMs: 300_000 };

describe('RateLimiter', () => {
  let now: number;
  let events: RateLimitEvents;
  let refused: RateLimitedEvent[];
  let limiter: RateLimiter;

  beforeEach(() => {
    now = 1_000_000;
    events = new RateLimitEvents();
    refused = [];
    events.on('rate-limited', (event) => refused.push(event));
    limiter = new RateLimiter(new MemoryRateLimitStorage(() => now), events);
  });

  it('lets hits within the limit through, telling the limit closest to running out and every policy', async () => {
    const { res, headers } = fakeResponse();
    await limiter.consume(IP, '198.51.100.7', res);
    expect(Object.fromEntries(headers)).toEqual({
      'RateLimit-Limit': '3',
      'RateLimit-Remaining': '2',
      'RateLimit-Reset': '60',
      'RateLimit-Policy': '3;w=60',
    });
    await limiter.consume(USER, 'apikey:alice', res);
    expect(Object.fromEntries(headers)).toEqual({
      'RateLimit-Limit': '2',
      'RateLimit-Remaining': '1',
      'RateLimit-Reset': '30',
      'RateLimit-Policy': '3;w=60, 2;w=30',
    });
    expect(refused).toEqual([]);
  });

  it('refuses the hit over the limit with a 429 naming the limit and the wait, and says so as an event', async () => {
    for (let n = 0; n < 3; n += 1) await limiter.consume(IP, '198.51.100.7');
    now += 15_000;
    const refusal = await limiter.consume(IP, '198.51.100.7').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitException);
    expect(refusal).toMatchObject({
      code: RateLimitErrorCode.IP,
      status: 429,
      params: { limit: 3, windowSeconds: 60, retryAfter: 45 },
      retryAfterSeconds: 45,
      headers: {
        'RateLimit-Limit': '3',
        'RateLimit-Remaining': '0',
        'RateLimit-Reset': '45',
        'RateLimit-Policy': '3;w=60',
      },
    });
    expect(refused).toEqual([{ limit: 'ip' }]);
    // Another tracker is not affected.
    await expect(limiter.consume(IP, '198.51.100.8')).resolves.toBeUndefined();
  });

  it('blocks a tracker once it has counted the limit of failures, for the block duration, without refusing the failures', async () => {
    await limiter.count(AUTH_FAILURES, '198.51.100.7');
    await expect(limiter.assertNotBlocked(AUTH_FAILURES, '198.51.100.7')).resolves.toBeUndefined();
    await limiter.count(AUTH_FAILURES, '198.51.100.7');
    await expect(limiter.assertNotBlocked(AUTH_FAILURES, '198.51.100.7')).rejects.toMatchObject({
      code: RateLimitErrorCode.AUTH_FAILURES,
      retryAfterSeconds: 300,
    });
    expect(refused).toEqual([{ limit: 'auth-failures' }]);
    now += 300_001;
    await expect(limiter.assertNotBlocked(AUTH_FAILURES, '198.51.100.7')).resolves.toBeUndefined();
  });

  it('never rejects counting a failure, even when the storage refuses (Redis away, failing closed)', async () => {
    const failing = {
      increment: async () => Promise.reject(new Error('refused')),
    } as unknown as RateLimitStorage;
    await expect(new RateLimiter(failing, events).count(AUTH_FAILURES, 'x')).resolves.toBeUndefined();
  });
});
