import { ToolCallEvents } from '@app/mcp';
import { loggingConfig, type ObservabilityOptions } from '@app/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { auditConfig, type AuditConfig } from './audit.config';
import { AuditLog } from './audit-log';
import { AuditTrail } from './audit-trail.service';

/**
 * The audit trail of tool calls that change Bitbucket. `transport` is the very transport module the
 * app imports (HttpTransportModule.register(…) or StdioTransportModule.register(…)): it exports its
 * McpModule, whose ToolCallEvents the trail listens to. The rest are the app's logging options.
 */
@Module({})
export class AuditModule {
  static register(options: ObservabilityOptions & { transport: DynamicModule }): DynamicModule {
    const { transport, ...observability } = options;
    return {
      module: AuditModule,
      imports: [transport],
      providers: [
        {
          provide: AuditTrail,
          inject: [ToolCallEvents, loggingConfig.KEY, auditConfig.KEY],
          useFactory: (events: ToolCallEvents, logging: ConfigType<typeof loggingConfig>, audit: AuditConfig) =>
            new AuditTrail(
              events,
              audit.enabled ? new AuditLog(logging, audit, observability) : undefined,
              observability.appName,
            ),
        },
      ],
    };
  }
}
