import { DiscoveryService } from '@nestjs/core';

/** Marks a ToolHandler provider for discovery by the tool registry. */
export const McpTool = DiscoveryService.createDecorator<undefined>();
