import { ReadinessRegistry } from '@app/health';
import { Global, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
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

/** The shared Redis connection (when REDIS_URL is set), connected at boot and part of readiness. */
@Global()
@Module({ providers: REDIS_PROVIDERS, exports: [RedisConnection] })
export class RedisModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly redis: RedisConnection,
    private readonly readiness: ReadinessRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.redis.enabled) return;
    // Redis being away at boot makes the server unready, not dead: ioredis keeps reconnecting.
    await this.redis.connect().catch((error: unknown) => {
      new Logger('Redis').warn(`Redis unreachable at boot: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.readiness.register('redis', async () => {
      await this.redis.ping();
      return { redis: { status: 'up' } };
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.close();
  }
}
