import { defineConfig, env } from '@app/config';
import type { ConfigType } from '@nestjs/config';
import { AUTH_METHODS, type AuthMethod } from './auth-method';

/** Which methods run, in which order, and the scopes tools need; each method's own settings are in its strategy's config. */
export const authConfig = defineConfig({
  namespace: 'auth',
  title: 'Client authentication',
  variables: {
    AUTH_METHODS: env.list({
      default: ['oauth2', 'bearer', 'apikey'],
      itemPattern: new RegExp(`^(${AUTH_METHODS.join('|')})$`),
      itemExpects: `methods (${AUTH_METHODS.join(', ')})`,
      description:
        'Inbound authentication methods, tried in this order; a method without its settings is skipped. `none` (no authentication) is accepted only when HOST is a loopback address.',
      example: 'oauth2,apikey',
    }),
    AUTH_READ_SCOPE: env.string({
      default: 'bitbucket:read',
      expects: 'a scope name',
      pattern: /^[\x21\x23-\x5B\x5D-\x7E]+$/,
      description: 'Scope a credential needs to call tools that only read Bitbucket (the write scope also grants it).',
    }),
    AUTH_WRITE_SCOPE: env.string({
      default: 'bitbucket:write',
      expects: 'a scope name',
      pattern: /^[\x21\x23-\x5B\x5D-\x7E]+$/,
      description: 'Scope a credential needs to call tools that change Bitbucket.',
    }),
  },
  map: (v) => ({
    methods: v.AUTH_METHODS as AuthMethod[],
    scopes: { read: v.AUTH_READ_SCOPE, write: v.AUTH_WRITE_SCOPE },
  }),
});

export type AuthConfig = ConfigType<typeof authConfig>;
