export { redisConfig } from './redis.config';
export { RedisCallGuard, type RedisCallGuardOptions } from './redis-call-guard';
export { RedisConnection } from './redis-connection';
export { RedisModule } from './redis.module';
