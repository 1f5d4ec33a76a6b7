import { AppExceptionFilter, CorrelationIdMiddleware } from '@app/common';
import { AppConfigModule } from '@app/config';
import { HealthModule } from '@app/health';
import { AppI18nModule } from '@app/i18n';
import { ObservabilityModule } from '@app/observability';
import { RedisModule } from '@app/redis';
import { ToolsModule } from '@app/tools';
import { HttpTransportModule } from '@app/transport';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { MCP_HTTP_CONFIGS } from './mcp-http.configs';

@Module({
  imports: [
    AppConfigModule.forRoot(MCP_HTTP_CONFIGS),
    ObservabilityModule.forRoot({ appName: 'mcp-http', console: 'stdout' }),
    AppI18nModule,
    HealthModule,
    RedisModule,
    HttpTransportModule.register({ tools: [ToolsModule] }),
  ],
  providers: [{ provide: APP_FILTER, useClass: AppExceptionFilter }],
})
export class McpHttpModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes('*path');
  }
}
