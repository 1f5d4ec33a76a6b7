import { AuditModule } from '@app/audit';
import { AppConfigModule } from '@app/config';
import { AppI18nModule } from '@app/i18n';
import { ObservabilityModule, type ObservabilityOptions } from '@app/observability';
import { ToolsModule } from '@app/tools';
import { StdioTransportModule } from '@app/transport';
import { Module } from '@nestjs/common';
import { MCP_STDIO_CONFIGS } from './mcp-stdio.configs';

// stdout carries the MCP protocol: logs and, without LOG_DIR, audit records go to stderr.
const OBSERVABILITY: ObservabilityOptions = { appName: 'mcp-stdio', console: 'stderr' };

@Module({
  imports: [
    AppConfigModule.forRoot(MCP_STDIO_CONFIGS),
    ObservabilityModule.forRoot(OBSERVABILITY),
    AppI18nModule,
    StdioTransportModule.register({ tools: [ToolsModule] }),
    AuditModule.forRoot(OBSERVABILITY),
  ],
})
export class McpStdioModule {}
