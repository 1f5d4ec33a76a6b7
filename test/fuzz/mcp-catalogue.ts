import type { JsonSchema } from './json-schema';
import type { ResourceTemplateListing } from './named-calls';

export interface ToolListing {
  readonly name: string;
  readonly inputSchema: JsonSchema;
}

export interface PromptListing {
  readonly name: string;
  readonly arguments?: readonly { readonly name: string; readonly required?: boolean }[];
}

/** What one server offers, as it lists it: the fuzzer covers whatever is there, new tools included. */
export interface McpCatalogue {
  readonly tools: readonly ToolListing[];
  readonly prompts: readonly PromptListing[];
  readonly templates: readonly ResourceTemplateListing[];
}
