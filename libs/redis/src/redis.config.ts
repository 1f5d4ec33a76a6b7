import { defineConfig, env } from '@app/config';

export const redisConfig = defineConfig({
  namespace: 'redis',
  title: 'Redis (shared state of several replicas)',
  variables: {
    REDIS_URL: env.string({
      description:
        'When set, rate-limit counters and the MCP event store live in this Redis, so several replicas share them. Unset: in memory (one replica).',
      expects: 'a redis:// or rediss:// URL',
      pattern: /^rediss?:\/\/\S+$/,
      example: 'redis://redis:6379/0',
      secret: true,
    }),
    REDIS_KEY_PREFIX: env.string({
      default: 'bitbucket-mcp:',
      expects: 'a key prefix',
      pattern: /^[A-Za-z0-9:_.-]{1,64}$/,
      description: 'Prefix of every key this server writes, so one Redis can serve several deployments.',
    }),
  },
  map: (v) => ({ url: v.REDIS_URL, keyPrefix: v.REDIS_KEY_PREFIX }),
});
