import { DiscoveryService } from '@nestjs/core';

/** Marks a PromptHandler provider for discovery. */
export const McpPrompt = DiscoveryService.createDecorator<undefined>();
