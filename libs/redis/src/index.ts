export { redisConfig } from './redis.config';
export { RedisConnection } from './redis-connection';
export { RedisModule } from './redis.module';
