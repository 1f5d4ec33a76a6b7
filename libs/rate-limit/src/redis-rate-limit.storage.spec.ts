import { RedisConnection } from '@app/redis';
import { Logger } from '@nestjs/common';
import { MemoryRateLimitStorage } from './memory-rate-limit.storage';
import { RateLimitErrorCode } from './rate-limit-error-code.enum';
import { RedisRateLimitStorage } from './redis-rate-limit.storage';

/** The ioredis calls the storage makes, each steerable; `status` is ioredis' connection state. */
class FakeRedisClient {
  status = 'ready';
  defineCommand = jest.fn();
  bitbucketMcpRateLimitHit = jest.fn(async (): Promise<[number, number, number]> => Promise.resolve([1, 60_000, 0]));
  pttl = jest.fn(async (): Promise<number> => Promise.resolve(-2));
}

const never = async <T>(): Promise<T> => new Promise<T>(() => undefined);

describe('RedisRateLimitStorage', () => {
  let client: FakeRedisClient;
  let local: MemoryRateLimitStorage;
  let warn: jest.SpyInstance;
  let log: jest.SpyInstance;
  const storage = (failClosed = false): RedisRateLimitStorage => {
    const redis = Object.assign(Object.create(RedisConnection.prototype) as RedisConnection, {
      client,
      keyPrefix: 'p:',
    });
    return new RedisRateLimitStorage(redis, local, { timeoutMs: 50, failClosed });
  };

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    client = new FakeRedisClient();
    local = new MemoryRateLimitStorage();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('counts in Redis with one script call per hit, the counter and its block marker in one hash slot', async () => {
    const counters = storage();
    expect(client.defineCommand).toHaveBeenCalledWith('bitbucketMcpRateLimitHit', {
      numberOfKeys: 2,
      lua: expect.stringContaining("redis.call('INCR', KEYS[1])") as string,
    });
    client.bitbucketMcpRateLimitHit.mockResolvedValueOnce([4, 1500, 1500]);
    expect(await counters.increment('ip:abc', 60_000, 3, 0)).toEqual({
      totalHits: 4,
      timeToExpire: 2,
      isBlocked: true,
      timeToBlockExpire: 2,
    });
    expect(client.bitbucketMcpRateLimitHit).toHaveBeenCalledWith(
      'p:rate-limit:{ip:abc}',
      'p:rate-limit:{ip:abc}:blocked',
      60_000,
      3,
      0,
    );
    client.pttl.mockResolvedValueOnce(2500);
    expect(await counters.blockedForMs('ip:abc')).toBe(2500);
    expect(client.pttl).toHaveBeenCalledWith('p:rate-limit:{ip:abc}:blocked');
    expect(await counters.blockedForMs('ip:abc')).toBe(0);
  });

  it('counts in this process while Redis is away, warns once, and shares again once Redis answers', async () => {
    const counters = storage();
    client.status = 'reconnecting';
    for (let hit = 1; hit <= 3; hit += 1) {
      expect(await counters.increment('ip:abc', 60_000, 2, 0)).toMatchObject({
        totalHits: hit,
        isBlocked: hit > 2,
      });
    }
    expect(client.bitbucketMcpRateLimitHit).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      'Rate-limit counters degraded (Redis is not connected (reconnecting)): each replica counts on its own until Redis answers again',
    );

    client.status = 'ready';
    expect(await counters.increment('ip:abc', 60_000, 2, 0)).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/^Rate-limit counters recovered after \d+ ms: Redis answers again, replicas share/),
    );
  });

  it('does not wait for a Redis that does not answer longer than its time box', async () => {
    const counters = storage();
    client.bitbucketMcpRateLimitHit.mockImplementation(never);
    client.pttl.mockImplementation(never);
    const started = Date.now();
    expect(await counters.increment('user:x', 60_000, 5, 0)).toMatchObject({ totalHits: 1 });
    expect(await counters.blockedForMs('user:x')).toBe(0);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Redis did not answer within 50 ms'));
  });

  it('refuses with a 503 and Retry-After, rather than count alone, when failing closed', async () => {
    const counters = storage(true);
    client.status = 'reconnecting';
    const refusal = {
      code: RateLimitErrorCode.UNAVAILABLE,
      status: 503,
      retryAfterSeconds: 5,
    };
    await expect(counters.increment('ip:abc', 60_000, 2, 0)).rejects.toMatchObject(refusal);
    await expect(counters.blockedForMs('ip:abc')).rejects.toMatchObject(refusal);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('limited requests are refused (RATE_LIMIT_FAIL_CLOSED)'));
    // Nothing was counted in this process either.
    expect(local.hit('ip:abc', 60_000, 2, 0)).toMatchObject({ totalHits: 1 });
  });
});
