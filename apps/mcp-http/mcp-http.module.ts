import { AuditModule } from '@app/audit';
import { AuthGuard, AuthModule } from '@app/auth';
import { AppExceptionFilter, CorrelationIdMiddleware } from '@app/common';
import { AppConfigModule } from '@app/config';
import { HealthModule } from '@app/health';
import { AppI18nModule, LocaleMiddleware } from '@app/i18n';
import { MetricsModule } from '@app/metrics';
import { ObservabilityModule, type ObservabilityOptions } from '@app/observability';
import { IpRateLimitGuard, RateLimitModule, UserRateLimitGuard } from '@app/rate-limit';
import { RedisModule } from '@app/redis';
import { ToolsModule } from '@app/tools';
import { HttpTransportModule, OriginGuard } from '@app/transport';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { MCP_HTTP_CONFIGS } from './mcp-http.configs';

const OBSERVABILITY: ObservabilityOptions = { appName: 'mcp-http', console: 'stdout' };
// One instance, imported here and handed to MetricsModule and AuditModule, which listen to its events.
const HTTP_TRANSPORT = HttpTransportModule.register({ tools: [ToolsModule] });

@Module({
  imports: [
    AppConfigModule.forRoot(MCP_HTTP_CONFIGS),
    ObservabilityModule.forRoot(OBSERVABILITY),
    AppI18nModule,
    HealthModule,
    AuthModule,
    RedisModule,
    RateLimitModule,
    HTTP_TRANSPORT,
    MetricsModule.register({ httpTransport: HTTP_TRANSPORT }),
    AuditModule.register({ ...OBSERVABILITY, transport: HTTP_TRANSPORT }),
  ],
  // Global enhancers, in the order they apply: the per-address limit (cheap refusals before anything
  // else is looked at), the browser Origin and Host checks (so a hostile page never gets a credential
  // checked), authentication, the per-principal limit, then the one HTTP error mapping.
  providers: [
    { provide: APP_GUARD, useExisting: IpRateLimitGuard },
    { provide: APP_GUARD, useExisting: OriginGuard },
    { provide: APP_GUARD, useExisting: AuthGuard },
    { provide: APP_GUARD, useExisting: UserRateLimitGuard },
    { provide: APP_FILTER, useClass: AppExceptionFilter },
  ],
})
export class McpHttpModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware, LocaleMiddleware).forRoutes('*path');
  }
}
