import { Global, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { redisConfig } from './redis.config';
import { RedisConnection } from './redis-connection';

const REDIS_PROVIDERS = [
  {
    provide: RedisConnection,
    inject: [redisConfig.KEY],
    useFactory: (config: ConfigType<typeof redisConfig>) => new RedisConnection(config.url, config.keyPrefix),
  },
];

/** The shared Redis connection (when REDIS_URL is set), connected at boot. */
@Global()
@Module({ providers: REDIS_PROVIDERS, exports: [RedisConnection] })
export class RedisModule implements OnModuleInit, OnApplicationShutdown {
  constructor(private readonly redis: RedisConnection) {}

  async onModuleInit(): Promise<void> {
    if (!this.redis.enabled) return;
    // Redis being away at boot is not fatal: ioredis keeps reconnecting, the connection logs the
    // outage, and what uses Redis degrades meanwhile (see the event store).
    await this.redis.connect().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.close();
  }
}
