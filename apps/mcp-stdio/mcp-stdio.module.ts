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
// One instance, imported here and handed to AuditModule, which listens to its tool calls.
const STDIO_TRANSPORT = StdioTransportModule.register({ tools: [ToolsModule] });

@Module({
  imports: [
    AppConfigModule.forRoot(MCP_STDIO_CONFIGS),
    ObservabilityModule.forRoot(OBSERVABILITY),
    AppI18nModule,
    STDIO_TRANSPORT,
    AuditModule.register({ ...OBSERVABILITY, transport: STDIO_TRANSPORT }),
  ],
})
export class McpStdioModule {}
