import { RedisConnection } from '@app/redis';
import { Module } from '@nestjs/common';
import { getStorageToken, ThrottlerModule } from '@nestjs/throttler';
import { IpRateLimitGuard } from './ip-rate-limit.guard';
import { RateLimitEvents } from './rate-limit-events';
import { createRateLimitStorage } from './rate-limit-storage.factory';
import { rateLimitConfig, type RateLimitConfig } from './rate-limit.config';
import { RateLimitStorage } from './rate-limit.storage';
import { RateLimiter } from './rate-limiter.service';
import { UserRateLimitGuard } from './user-rate-limit.guard';

/**
 * The rate limits on @nestjs/throttler: its options name the `ip` and `user` throttlers, each applied
 * by its own guard, which the app registers around authentication (IpRateLimitGuard before it,
 * UserRateLimitGuard after it). Storage in Redis when REDIS_URL is set (the app imports RedisModule).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [rateLimitConfig.KEY, RedisConnection],
      useFactory: (config: RateLimitConfig, redis: RedisConnection) => ({
        throttlers: [
          { name: 'ip', limit: config.ip.limit, ttl: config.ip.ttlMs, blockDuration: 0 },
          { name: 'user', limit: config.user.limit, ttl: config.user.ttlMs, blockDuration: 0 },
        ],
        storage: createRateLimitStorage(config, redis),
        // The RateLimiter sets the IETF draft's RateLimit-* fields instead of X-RateLimit-*.
        setHeaders: false,
      }),
    }),
  ],
  providers: [
    RateLimitEvents,
    { provide: RateLimitStorage, useExisting: getStorageToken() },
    RateLimiter,
    IpRateLimitGuard,
    UserRateLimitGuard,
  ],
  exports: [IpRateLimitGuard, UserRateLimitGuard, RateLimitEvents],
})
export class RateLimitModule {}
