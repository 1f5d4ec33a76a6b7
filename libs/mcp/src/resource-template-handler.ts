import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { ArgumentCompleter } from './argument-completer';
import type { CatalogueText } from './catalogue-text';

export interface ResourceTemplateDefinition {
  readonly name: string;
  readonly title: CatalogueText;
  readonly description: CatalogueText;
  /** RFC 6570 URI template, e.g. `bitbucket://{workspace}/{repo}/file/{ref}/{+path}`. */
  readonly uriTemplate: string;
  /** What completion/complete suggests for some of the template's variables. */
  readonly complete?: Readonly<Record<string, ArgumentCompleter>>;
  readonly requires?: readonly string[];
}

/** A family of readable resources; discovered like tools (@McpResourceTemplate()). */
export abstract class ResourceTemplateHandler {
  abstract readonly definition: ResourceTemplateDefinition;
  abstract read(
    uri: URL,
    variables: Readonly<Record<string, string | string[]>>,
    signal: AbortSignal,
  ): Promise<ReadResourceResult>;
}
