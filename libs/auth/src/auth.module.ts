import { httpServerConfig, type HttpServerConfig } from '@app/config';
import { Module, type Provider } from '@nestjs/common';
import { AuthChallenge } from './auth-challenge';
import { AuthEvents } from './auth-events';
import type { AuthMethod } from './auth-method';
import { AuthGuard } from './auth.guard';
import { ACTIVE_AUTH_METHODS } from './auth.constants';
import { authPriorityProvider } from './auth-priority.provider';
import { ProtectedResourceMetadataController } from './protected-resource-metadata.controller';
import { AUTH_METHOD_STRATEGIES } from './strategies/auth-method-strategies';

const AUTH_PROVIDERS: Provider[] = [
  ...AUTH_METHOD_STRATEGIES,
  authPriorityProvider,
  {
    provide: AuthChallenge,
    inject: [ACTIVE_AUTH_METHODS, httpServerConfig.KEY],
    useFactory: (methods: readonly AuthMethod[], server: HttpServerConfig) =>
      new AuthChallenge(methods, methods.includes('oauth2') ? server.resourceMetadataUrl : undefined),
  },
  AuthEvents,
  AuthGuard,
];

/**
 * Inbound authentication: one passport strategy per method, the priority order of the configured
 * ones, the global guard the app registers, its refusals as events, RFC 9728 metadata.
 */
@Module({
  controllers: [ProtectedResourceMetadataController],
  providers: AUTH_PROVIDERS,
  exports: [AuthGuard, AuthEvents],
})
export class AuthModule {}
