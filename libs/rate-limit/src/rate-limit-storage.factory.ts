import type { RedisConnection } from '@app/redis';
import { MemoryRateLimitStorage } from './memory-rate-limit.storage';
import type { RateLimitConfig } from './rate-limit.config';
import type { RateLimitStorage } from './rate-limit.storage';
import { RedisRateLimitStorage } from './redis-rate-limit.storage';

/** Redis when REDIS_URL is set (replicas share the counters; memory while it is away), memory otherwise. */
export function createRateLimitStorage(config: RateLimitConfig, redis: RedisConnection): RateLimitStorage {
  const local = new MemoryRateLimitStorage();
  return redis.enabled
    ? new RedisRateLimitStorage(redis, local, { timeoutMs: config.redisTimeoutMs, failClosed: config.failClosed })
    : local;
}
