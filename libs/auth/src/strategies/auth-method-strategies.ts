import { AnonymousAuthStrategy } from './anonymous-auth.strategy';
import { ApiKeyAuthStrategy } from './api-key-auth.strategy';
import { BearerTokenAuthStrategy } from './bearer-token-auth.strategy';
import { OAuth2AuthStrategy } from './oauth2-auth.strategy';

/**
 * Every method's strategy provider. A new method is its name in AUTH_METHODS (auth-method.ts), its
 * strategy here and its config namespace in AUTH_CONFIGS (auth.configs.ts); the guard needs nothing.
 */
export const AUTH_METHOD_STRATEGIES = [
  OAuth2AuthStrategy,
  BearerTokenAuthStrategy,
  ApiKeyAuthStrategy,
  AnonymousAuthStrategy,
] as const;
