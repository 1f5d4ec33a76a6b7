import type { BitbucketFlavor } from '@app/bitbucket';
import { ToolRegistry } from '@app/mcp';
import { NestFactory } from '@nestjs/core';
import type { Prompt, Tool } from '@modelcontextprotocol/sdk/types.js';
import { isDeepStrictEqual } from 'node:util';
import type { ToolCatalogue } from './tool-catalogue';
import { ToolCatalogueModule } from './tool-catalogue.module';

const FLAVORS = ['cloud', 'datacenter'] as const satisfies readonly BitbucketFlavor[];
/** The reference is written in the catalogue's source language. */
const LOCALE = 'en';

/** One flavor's lists, before merging. */
type Lists = { readonly [K in keyof ToolCatalogue]: readonly ToolCatalogue[K][number]['item'][] };

/** What a server of `flavor` offers with the default MCP settings (every toolset, not read-only). */
async function offeredOn(flavor: BitbucketFlavor): Promise<Lists> {
  // Booting calls nothing: Bitbucket is only reached by a tool call. The host could not resolve anyway (RFC 6761).
  const app = await NestFactory.createApplicationContext(
    ToolCatalogueModule.forEnvironment({ BITBUCKET_URL: 'https://bitbucket.invalid', BITBUCKET_FLAVOR: flavor }),
    { logger: false, abortOnError: false },
  );
  try {
    const registry = app.get(ToolRegistry);
    const toolsetOf = (tool: Tool) => {
      const entry = registry.lookup(tool.name);
      if (entry === undefined) throw new Error(`${tool.name} is listed but cannot be looked up`);
      return entry.handler.definition.toolset;
    };
    return {
      tools: registry.list(LOCALE).map((tool) => ({ ...tool, toolset: toolsetOf(tool) })),
      prompts: registry.listPrompts(LOCALE).map(withInputSchema),
      resourceTemplates: registry.listResourceTemplates(LOCALE).map(({ name, uriTemplate, title, description }) => ({
        name,
        uriTemplate,
        title: title ?? '',
        description: description ?? '',
      })),
    };
  } finally {
    await app.close();
  }
}

/** A listed prompt with its arguments as the JSON Schema of an object of strings (MCP prompt arguments are strings). */
function withInputSchema({
  name,
  title,
  description,
  arguments: args = [],
}: Prompt): ToolCatalogue['prompts'][number]['item'] {
  return {
    name,
    title: title ?? '',
    description: description ?? '',
    inputSchema: {
      type: 'object',
      properties: Object.fromEntries(
        args.map((arg) => [
          arg.name,
          { type: 'string', ...(arg.description === undefined ? {} : { description: arg.description }) },
        ]),
      ),
      required: args.filter((arg) => arg.required === true).map((arg) => arg.name),
    },
  };
}

/** One entry per name with the flavors offering it, sorted by name (code units: the same on every machine). */
function merge<T extends { readonly name: string }>(
  perFlavor: readonly (readonly [BitbucketFlavor, readonly T[]])[],
): { item: T; flavors: BitbucketFlavor[] }[] {
  const byName = new Map<string, { item: T; flavors: BitbucketFlavor[] }>();
  for (const [flavor, items] of perFlavor) {
    for (const item of items) {
      const seen = byName.get(item.name);
      if (seen === undefined) byName.set(item.name, { item, flavors: [flavor] });
      // One row cannot document two shapes of the same tool.
      else if (!isDeepStrictEqual(seen.item, item)) throw new Error(`${item.name} differs between flavors`);
      else seen.flavors.push(flavor);
    }
  }
  return [...byName.values()].sort((a, b) => (a.item.name < b.item.name ? -1 : 1));
}

/** The catalogue of both flavors, from their tool registries, offline. */
export async function loadToolCatalogue(): Promise<ToolCatalogue> {
  const offered: (readonly [BitbucketFlavor, Lists])[] = [];
  for (const flavor of FLAVORS) offered.push([flavor, await offeredOn(flavor)]);
  const byFlavor = <K extends keyof Lists>(key: K) => offered.map(([flavor, lists]) => [flavor, lists[key]] as const);
  return {
    tools: merge(byFlavor('tools')),
    prompts: merge(byFlavor('prompts')),
    resourceTemplates: merge(byFlavor('resourceTemplates')),
  };
}
