import { RedisConnection } from '@app/redis';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { MemoryRateLimitStorage } from '../src/memory-rate-limit.storage';
import { RedisRateLimitStorage } from '../src/redis-rate-limit.storage';
import { describeRateLimitStorageContract } from './rate-limit-storage.contract';

const REDIS_URL = process.env.REDIS_URL;

if (REDIS_URL === undefined) {
  // Said plainly in the output rather than silently passing: this suite needs a real Redis.
  console.warn(
    'REDIS_URL is not set: the RedisRateLimitStorage suite does not run (set REDIS_URL=redis://127.0.0.1:6379).',
  );
}

(REDIS_URL === undefined ? describe.skip : describe)('RedisRateLimitStorage against a real Redis (REDIS_URL)', () => {
  const prefix = `test-${randomUUID()}:`;
  const connections: RedisConnection[] = [];
  const connect = async (): Promise<RedisConnection> => {
    const redis = new RedisConnection(REDIS_URL, prefix);
    await redis.connect();
    connections.push(redis);
    return redis;
  };
  let redis: RedisConnection;

  beforeAll(async () => {
    redis = await connect();
  });

  afterAll(async () => {
    const keys = await redis.client?.keys(`${prefix}*`);
    if (keys !== undefined && keys.length > 0) await redis.client?.del(...keys);
    await Promise.all(connections.map(async (connection) => connection.close()));
  });

  describe('the storage contract, in real time', () => {
    describeRateLimitStorageContract(
      () => ({
        storage: new RedisRateLimitStorage(redis, new MemoryRateLimitStorage(), { timeoutMs: 1000, failClosed: false }),
        advance: async (ms) => sleep(ms),
      }),
      1000,
    );
  });

  it('shares one counter between two replicas, each on its own connection', async () => {
    const other = await connect();
    const settings = { timeoutMs: 1000, failClosed: false };
    const first = new RedisRateLimitStorage(redis, new MemoryRateLimitStorage(), settings);
    const second = new RedisRateLimitStorage(other, new MemoryRateLimitStorage(), settings);
    const key = `ip:${randomUUID()}`;
    const hits: [number, boolean][] = [];
    for (let n = 0; n < 6; n += 1) {
      const { totalHits, isBlocked } = await (n % 2 === 0 ? first : second).increment(key, 60_000, 4, 0);
      hits.push([totalHits, isBlocked]);
    }
    expect(hits).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, true],
      [6, true],
    ]);
    // The counter expires by itself: nothing is left behind for ever.
    const ttl = await redis.client?.pttl(`${prefix}rate-limit:{${key}}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});
