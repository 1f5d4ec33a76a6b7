import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ArgumentCompletions } from './argument-completions.service';
import { McpServerFactory } from './mcp-server.factory';
import { ToolCallDispatcher } from './tool-call.dispatcher';
import { ToolCallEvents } from './tool-call-events';
import { ToolRegistry } from './tool-registry.service';

const MCP_PROVIDERS = [ToolRegistry, ToolCallDispatcher, ToolCallEvents, McpServerFactory, ArgumentCompletions];

/**
 * The transport-agnostic MCP core. The app hands it the module that provides the tools (marked
 * @McpTool()) and exports a ToolAvailability; transports ask McpServerFactory for one server per session.
 */
@Module({})
export class McpModule {
  static register(options: { imports: NonNullable<ModuleMetadata['imports']> }): DynamicModule {
    return {
      module: McpModule,
      imports: [DiscoveryModule, ...options.imports],
      providers: MCP_PROVIDERS,
      exports: [McpServerFactory, ToolRegistry, ToolCallEvents],
    };
  }
}
