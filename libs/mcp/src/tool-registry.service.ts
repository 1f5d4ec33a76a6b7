import { Translator } from '@app/common';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DiscoveryService } from '@nestjs/core';
import { toJsonSchemaCompat } from '@modelcontextprotocol/sdk/server/zod-json-schema-compat.js';
import type { Prompt, ResourceTemplate, Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { advertisedHints, advertisedSchema } from './advertised-schema';
import { CatalogueLocalizer } from './catalogue-localizer';
import { McpPrompt } from './mcp-prompt.decorator';
import { McpResourceTemplate } from './mcp-resource-template.decorator';
import { McpTool } from './mcp-tool.decorator';
import { mcpConfig } from './mcp.config';
import { PromptHandler } from './prompt-handler';
import { ResourceTemplateHandler } from './resource-template-handler';
import { ToolAvailability } from './tool-availability';
import type { ToolDefinition } from './tool-definition';
import { ToolHandler } from './tool-handler';

/** Why a tool that exists is not offered; a call by name then gets a precise refusal. */
export type ToolRefusal = 'read-only' | 'not-enabled' | 'unavailable';

export interface ToolEntry {
  readonly handler: ToolHandler;
  readonly refusal?: ToolRefusal;
  /** For an `unavailable` tool: the catalogue key of why (the first requirement the deployment lacks). */
  readonly unavailableMessageKey?: string;
}

/** A tool offered, with its schemas as tools/list advertises them. */
interface OfferedTool {
  readonly definition: ToolDefinition;
  readonly inputSchema: Tool['inputSchema'];
  /** Only with MCP_STRUCTURED_OUTPUT: a tool that lists one must answer with structuredContent. */
  readonly outputSchema?: Tool['outputSchema'];
}

/** What tools/list, prompts/list and resources/templates/list answer in one language. */
interface Listings {
  readonly tools: readonly Tool[];
  readonly prompts: readonly Prompt[];
  readonly resourceTemplates: readonly ResourceTemplate[];
}

/**
 * Every tool, prompt and resource template in the application, discovered through DI once at boot,
 * filtered by toolsets, read-only mode, the enabled/disabled lists and what the flavor can serve.
 * The list answers are computed once per supported language, with every title and description read
 * from that language's catalogue: sessions share them, and listing costs the same in any language.
 */
@Injectable()
export class ToolRegistry implements OnModuleInit, OnApplicationBootstrap {
  private readonly tools = new Map<string, ToolEntry>();
  private offered: OfferedTool[] = [];
  private promptHandlers: PromptHandler[] = [];
  private resourceHandlers: ResourceTemplateHandler[] = [];
  private readonly listings = new Map<string, Listings>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly availability: ToolAvailability,
    private readonly translator: Translator,
    @Inject(mcpConfig.KEY) private readonly config: ConfigType<typeof mcpConfig>,
  ) {}

  onModuleInit(): void {
    for (const handler of this.discovered<ToolHandler>(McpTool.KEY, ToolHandler)) {
      const { name } = handler.definition;
      if (this.tools.has(name)) throw new Error(`Two tools are named ${name}`);
      const refusal = this.refusalOf(handler);
      const lacking = (handler.definition.requires ?? []).find((r) => !this.availability.isAvailable(r));
      this.tools.set(name, {
        handler,
        ...(refusal === undefined ? {} : { refusal }),
        ...(lacking === undefined ? {} : { unavailableMessageKey: this.availability.unavailableMessageKey(lacking) }),
      });
    }
    // The schemas are converted once; their descriptions are catalogue texts, read per language below.
    this.offered = [...this.tools.values()]
      .filter((entry) => entry.refusal === undefined)
      .map(({ handler: { definition } }) => ({
        definition,
        inputSchema: advertisedSchema(
          toJsonSchemaCompat(definition.input, { strictUnions: true, pipeStrategy: 'input' }) as Tool['inputSchema'],
        ),
        ...(this.config.structuredOutput
          ? {
              outputSchema: toJsonSchemaCompat(definition.output, {
                strictUnions: true,
                pipeStrategy: 'output',
              }) as Tool['outputSchema'],
            }
          : {}),
      }))
      .sort((a, b) => a.definition.name.localeCompare(b.definition.name));
    this.promptHandlers = this.discovered(McpPrompt.KEY, PromptHandler).filter((p) =>
      this.available(p.definition.requires),
    );
    this.resourceHandlers = this.discovered(McpResourceTemplate.KEY, ResourceTemplateHandler).filter((r) =>
      this.available(r.definition.requires),
    );
  }

  /** After every module's init, so the catalogues are loaded; a text that is no catalogue key fails the boot. */
  onApplicationBootstrap(): void {
    for (const locale of this.translator.supportedLocales())
      this.listings.set(locale, this.listingsIn(new CatalogueLocalizer(this.translator, locale)));
  }

  /** The tools/list answer in `locale` (the default language's when it has no catalogue). */
  list(locale: string): readonly Tool[] {
    return this.listingsFor(locale).tools;
  }

  /** The prompts/list answer in `locale`. */
  listPrompts(locale: string): readonly Prompt[] {
    return this.listingsFor(locale).prompts;
  }

  /** The resources/templates/list answer in `locale`. */
  listResourceTemplates(locale: string): readonly ResourceTemplate[] {
    return this.listingsFor(locale).resourceTemplates;
  }

  lookup(name: string): ToolEntry | undefined {
    return this.tools.get(name);
  }

  prompts(): readonly PromptHandler[] {
    return this.promptHandlers;
  }

  resourceTemplates(): readonly ResourceTemplateHandler[] {
    return this.resourceHandlers;
  }

  private listingsFor(locale: string): Listings {
    const listings = this.listings.get(locale) ?? this.listings.get(this.translator.defaultLocale());
    if (listings === undefined)
      throw new Error('The tool registry is asked for its lists before the application started');
    return listings;
  }

  private listingsIn(localizer: CatalogueLocalizer): Listings {
    return {
      tools: this.offered.map(({ definition: d, inputSchema, outputSchema }) => ({
        name: d.name,
        title: localizer.text(d.title, d.name),
        description: localizer.text(d.description, d.name),
        inputSchema: localizer.schema(inputSchema, d.name),
        ...(outputSchema === undefined ? {} : { outputSchema: localizer.schema(outputSchema, d.name) }),
        annotations: advertisedHints(d.hints),
      })),
      prompts: this.promptHandlers.map(({ definition: d }) => {
        // prompts/list as the SDK's McpServer lists a prompt whose arguments it registered.
        const schema = toJsonSchemaCompat(z.object(d.args), { pipeStrategy: 'input' }) as Tool['inputSchema'];
        return {
          name: d.name,
          title: localizer.text(d.title, d.name),
          description: localizer.text(d.description, d.name),
          arguments: Object.entries(localizer.schema(schema, d.name).properties ?? {}).map(([name, property]) => ({
            name,
            description: (property as { description?: string }).description,
            required: schema.required?.includes(name) ?? false,
          })),
        };
      }),
      resourceTemplates: this.resourceHandlers.map(({ definition: d }) => ({
        name: d.name,
        uriTemplate: d.uriTemplate,
        title: localizer.text(d.title, d.name),
        description: localizer.text(d.description, d.name),
      })),
    };
  }

  private refusalOf(handler: ToolHandler): ToolRefusal | undefined {
    const d = handler.definition;
    if (!this.available(d.requires)) return 'unavailable';
    if (this.config.readOnly && !d.hints.readOnlyHint) return 'read-only';
    const enabled =
      this.config.toolsets.includes(d.toolset) &&
      (this.config.enabledTools.length === 0 || this.config.enabledTools.includes(d.name)) &&
      !this.config.disabledTools.includes(d.name);
    return enabled ? undefined : 'not-enabled';
  }

  private available(requires: readonly string[] | undefined): boolean {
    return (requires ?? []).every((requirement) => this.availability.isAvailable(requirement));
  }

  private discovered<T>(key: string, type: abstract new (...args: never[]) => T): T[] {
    return this.discovery.getProviders({ metadataKey: key }).map((wrapper) => {
      const instance: unknown = wrapper.instance;
      if (!(instance instanceof type))
        throw new Error(`${wrapper.name} is marked for MCP discovery but is not a ${type.name}`);
      return instance;
    });
  }
}
