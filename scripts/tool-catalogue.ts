import type { BitbucketFlavor } from '@app/bitbucket';
import type { Toolset } from '@app/mcp';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';

/** Something the reference lists, and the flavors whose servers offer it. */
interface Offered<T> {
  readonly item: T;
  readonly flavors: readonly BitbucketFlavor[];
}

/** A prompt with its arguments as a JSON schema, so they read like a tool's. */
interface CataloguePrompt {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: Tool['inputSchema'];
}

/** A resource template as resources/templates/list gives it. */
interface CatalogueResourceTemplate {
  readonly name: string;
  readonly uriTemplate: string;
  readonly title: string;
  readonly description: string;
}

/** Everything a server can offer with every toolset on, over both flavors; each list sorted by name. */
export interface ToolCatalogue {
  readonly tools: readonly Offered<Tool & { readonly toolset: Toolset }>[];
  readonly prompts: readonly Offered<CataloguePrompt>[];
  readonly resourceTemplates: readonly Offered<CatalogueResourceTemplate>[];
}
