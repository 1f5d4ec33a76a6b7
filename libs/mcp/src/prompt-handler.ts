import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import type { ArgumentCompleter } from './argument-completer';
import type { CatalogueText } from './catalogue-text';

export interface PromptDefinition<A extends Record<string, z.ZodType<string | undefined>>> {
  readonly name: string;
  readonly title: CatalogueText;
  readonly description: CatalogueText;
  /** Each described with a catalogueText(), like a tool's arguments. */
  readonly args: A;
  /** What completion/complete suggests for some of the arguments. */
  readonly complete?: Readonly<Partial<Record<keyof A & string, ArgumentCompleter>>>;
  readonly requires?: readonly string[];
}

/** A prompt template a client can offer its user; discovered like tools (@McpPrompt()). */
export abstract class PromptHandler<
  A extends Record<string, z.ZodType<string | undefined>> = Record<string, z.ZodType<string | undefined>>,
> {
  abstract readonly definition: PromptDefinition<A>;
  abstract build(args: { [K in keyof A]: z.output<A[K]> }, locale: string): GetPromptResult | Promise<GetPromptResult>;
}
