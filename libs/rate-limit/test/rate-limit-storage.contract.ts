import { randomUUID } from 'node:crypto';
import type { RateLimitStorage } from '../src/rate-limit.storage';

export interface StorageUnderTest {
  readonly storage: RateLimitStorage;
  /** Lets `ms` pass: a fake clock moved, or a real wait. */
  readonly advance: (ms: number) => Promise<void>;
}

/**
 * What every RateLimitStorage does (memory, Redis), as tests over a window of `windowMs`: both
 * implementations must give the same answers, since the Redis one falls back to the memory one.
 */
export function describeRateLimitStorageContract(setup: () => StorageUnderTest, windowMs: number): void {
  let storage: RateLimitStorage;
  let advance: (ms: number) => Promise<void>;
  const windowSeconds = Math.ceil(windowMs / 1000);

  beforeEach(() => {
    ({ storage, advance } = setup());
  });

  it('counts hits in a window and refuses those over the limit until the window ends', async () => {
    const key = `ip:${randomUUID()}`;
    for (let hit = 1; hit <= 3; hit += 1) {
      expect(await storage.increment(key, windowMs, 3, 0, 'ip')).toEqual({
        totalHits: hit,
        timeToExpire: windowSeconds,
        isBlocked: false,
        timeToBlockExpire: 0,
      });
    }
    const refused = await storage.increment(key, windowMs, 3, 0, 'ip');
    expect(refused).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: windowSeconds });
    expect(await storage.blockedForMs(key)).toBe(0);

    await advance(windowMs + 50);
    expect(await storage.increment(key, windowMs, 3, 0, 'ip')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('blocks for the block duration from the hit over the limit, without counting, then starts afresh', async () => {
    const key = `auth-failures:${randomUUID()}`;
    const blockMs = windowMs * 2;
    expect(await storage.blockedForMs(key)).toBe(0);
    expect(await storage.increment(key, windowMs, 1, blockMs, 'auth-failures')).toMatchObject({ isBlocked: false });
    expect(await storage.blockedForMs(key)).toBe(0);
    expect(await storage.increment(key, windowMs, 1, blockMs, 'auth-failures')).toMatchObject({
      isBlocked: true,
      timeToBlockExpire: Math.ceil(blockMs / 1000),
    });
    const blocked = await storage.blockedForMs(key);
    expect(blocked).toBeGreaterThan(blockMs - 500);
    expect(blocked).toBeLessThanOrEqual(blockMs);

    // Past the window, still blocked: the block is longer.
    await advance(windowMs + 50);
    expect(await storage.increment(key, windowMs, 1, blockMs, 'auth-failures')).toMatchObject({ isBlocked: true });
    expect(await storage.blockedForMs(key)).toBeGreaterThan(0);

    await advance(windowMs);
    expect(await storage.blockedForMs(key)).toBe(0);
    expect(await storage.increment(key, windowMs, 1, blockMs, 'auth-failures')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('keeps the counters of different keys apart', async () => {
    const [first, second] = [`user:${randomUUID()}`, `user:${randomUUID()}`];
    await storage.increment(first, windowMs, 1, 0, 'user');
    expect(await storage.increment(first, windowMs, 1, 0, 'user')).toMatchObject({ isBlocked: true });
    expect(await storage.increment(second, windowMs, 1, 0, 'user')).toMatchObject({ totalHits: 1, isBlocked: false });
  });
}
