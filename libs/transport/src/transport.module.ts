import { McpModule } from '@app/mcp';
import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { StdioMcpServer } from './stdio/stdio-mcp.server';

/** The MCP transports; the app names the module providing the tools. */
@Module({})
export class TransportModule {
  static register(options: { tools: NonNullable<ModuleMetadata['imports']> }): DynamicModule {
    return {
      module: TransportModule,
      imports: [McpModule.register({ imports: options.tools })],
      providers: [StdioMcpServer],
      exports: [StdioMcpServer],
    };
  }
}
