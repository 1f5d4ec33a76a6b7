import type { ConfigNamespace } from '@app/config';
import { authConfig } from './auth.config';
import { apiKeyAuthConfig } from './strategies/api-key-auth.config';
import { bearerTokenAuthConfig } from './strategies/bearer-token-auth.config';
import { oauth2AuthConfig } from './strategies/oauth2-auth.config';

/** The namespaces an app serving authenticated routes lists: the order and scopes, then each method's own settings. */
export const AUTH_CONFIGS: readonly ConfigNamespace[] = [
  authConfig,
  oauth2AuthConfig,
  bearerTokenAuthConfig,
  apiKeyAuthConfig,
];
