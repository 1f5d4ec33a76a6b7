import { DiscoveryService } from '@nestjs/core';

/** Marks a ResourceTemplateHandler provider for discovery. */
export const McpResourceTemplate = DiscoveryService.createDecorator<undefined>();
