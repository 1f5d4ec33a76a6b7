import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DiscoveryService } from '@nestjs/core';
import { toJsonSchemaCompat } from '@modelcontextprotocol/sdk/server/zod-json-schema-compat.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { McpPrompt } from './mcp-prompt.decorator';
import { McpResourceTemplate } from './mcp-resource-template.decorator';
import { McpTool } from './mcp-tool.decorator';
import { mcpConfig } from './mcp.config';
import { PromptHandler } from './prompt-handler';
import { ResourceTemplateHandler } from './resource-template-handler';
import { ToolAvailability } from './tool-availability';
import { ToolHandler } from './tool-handler';

/** Why a tool that exists is not offered; a call by name then gets a precise refusal. */
export type ToolRefusal = 'read-only' | 'not-enabled' | 'unavailable';

export interface ToolEntry {
  readonly handler: ToolHandler;
  readonly refusal?: ToolRefusal;
}

/**
 * Every tool, prompt and resource template in the application, discovered through DI once at boot,
 * filtered by toolsets, read-only mode, the enabled/disabled lists and what the flavor can serve.
 * The tools/list answer is computed once: sessions share it.
 */
@Injectable()
export class ToolRegistry implements OnModuleInit {
  private readonly tools = new Map<string, ToolEntry>();
  private offered: Tool[] = [];
  private promptHandlers: PromptHandler[] = [];
  private resourceHandlers: ResourceTemplateHandler[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly availability: ToolAvailability,
    @Inject(mcpConfig.KEY) private readonly config: ConfigType<typeof mcpConfig>,
  ) {}

  onModuleInit(): void {
    for (const handler of this.discovered<ToolHandler>(McpTool.KEY, ToolHandler)) {
      const { name } = handler.definition;
      if (this.tools.has(name)) throw new Error(`Two tools are named ${name}`);
      const refusal = this.refusalOf(handler);
      this.tools.set(name, { handler, ...(refusal === undefined ? {} : { refusal }) });
    }
    this.offered = [...this.tools.values()]
      .filter((entry) => entry.refusal === undefined)
      .map(({ handler }) => {
        const d = handler.definition;
        return {
          name: d.name,
          title: d.title,
          description: d.description,
          inputSchema: toJsonSchemaCompat(d.input, {
            strictUnions: true,
            pipeStrategy: 'input',
          }) as Tool['inputSchema'],
          outputSchema: toJsonSchemaCompat(d.output, {
            strictUnions: true,
            pipeStrategy: 'output',
          }) as Tool['outputSchema'],
          annotations: { title: d.title, ...d.hints },
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    this.promptHandlers = this.discovered(McpPrompt.KEY, PromptHandler).filter((p) =>
      this.available(p.definition.requires),
    );
    this.resourceHandlers = this.discovered(McpResourceTemplate.KEY, ResourceTemplateHandler).filter((r) =>
      this.available(r.definition.requires),
    );
  }

  /** The tools/list answer. */
  list(): readonly Tool[] {
    return this.offered;
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
