import { ToolCallEvents } from '@app/mcp';
import { loggingConfig, type ObservabilityOptions } from '@app/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { auditConfig, type AuditConfig } from './audit.config';
import { AuditLog } from './audit-log';
import { AuditTrail } from './audit-trail.service';

/**
 * The audit trail of tool calls that change Bitbucket. The app imports it beside its transport, whose
 * McpModule (global) provides the ToolCallEvents it listens to; `options` are the app's logging ones.
 */
@Module({})
export class AuditModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: AuditModule,
      providers: [
        {
          provide: AuditTrail,
          inject: [ToolCallEvents, loggingConfig.KEY, auditConfig.KEY],
          useFactory: (events: ToolCallEvents, logging: ConfigType<typeof loggingConfig>, audit: AuditConfig) =>
            new AuditTrail(events, audit.enabled ? new AuditLog(logging, audit, options) : undefined, options.appName),
        },
      ],
    };
  }
}
