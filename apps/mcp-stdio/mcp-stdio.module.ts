import { AppConfigModule } from '@app/config';
import { AppI18nModule } from '@app/i18n';
import { ObservabilityModule } from '@app/observability';
import { ToolsModule } from '@app/tools';
import { StdioTransportModule } from '@app/transport';
import { Module } from '@nestjs/common';
import { MCP_STDIO_CONFIGS } from './mcp-stdio.configs';

@Module({
  imports: [
    AppConfigModule.forRoot(MCP_STDIO_CONFIGS),
    ObservabilityModule.forRoot({ appName: 'mcp-stdio', console: 'stderr' }),
    AppI18nModule,
    StdioTransportModule.register({ tools: [ToolsModule] }),
  ],
})
export class McpStdioModule {}
