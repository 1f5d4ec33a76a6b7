import { McpModule } from '@app/mcp';
import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { StdioMcpServer } from './stdio-mcp.server';

/** The stdio transport: one MCP session on stdin/stdout. The app names the module providing the tools. */
@Module({})
export class StdioTransportModule {
  static register(options: { tools: NonNullable<ModuleMetadata['imports']> }): DynamicModule {
    const mcp = McpModule.register({ imports: options.tools });
    return {
      module: StdioTransportModule,
      imports: [mcp],
      providers: [StdioMcpServer],
      // McpModule too, for its ToolCallEvents (the audit trail listens to them).
      exports: [StdioMcpServer, mcp],
    };
  }
}
