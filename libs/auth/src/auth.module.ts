import { httpServerConfig, type HttpServerConfig } from '@app/config';
import { Module, type Provider } from '@nestjs/common';
import { AuthChallenge } from './auth-challenge';
import { AuthEvents } from './auth-events';
import { AuthGuard } from './auth.guard';
import { AUTH_STRATEGIES } from './auth.constants';
import { authPriorityProvider } from './auth-priority.provider';
import { ProtectedResourceMetadataController } from './protected-resource-metadata.controller';
import type { AuthStrategy } from './strategies/auth-strategy';

const AUTH_PROVIDERS: Provider[] = [
  authPriorityProvider,
  {
    provide: AuthChallenge,
    inject: [AUTH_STRATEGIES, httpServerConfig.KEY],
    useFactory: (strategies: readonly AuthStrategy[], server: HttpServerConfig) =>
      new AuthChallenge(
        strategies.map((s) => s.method),
        strategies.some((s) => s.method === 'oauth2') ? server.resourceMetadataUrl : undefined,
      ),
  },
  AuthEvents,
  AuthGuard,
];

/** Inbound authentication: the strategies in priority order, the global guard the app registers, its refusals as events, RFC 9728 metadata. */
@Module({
  controllers: [ProtectedResourceMetadataController],
  providers: AUTH_PROVIDERS,
  exports: [AuthGuard, AuthEvents],
})
export class AuthModule {}
