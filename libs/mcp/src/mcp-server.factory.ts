import { Injectable } from '@nestjs/common';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv-provider.js';
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
  SetLevelRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { McpSession } from './mcp-session';
import { SERVER_INFO } from './server-info';
import { ToolCallDispatcher } from './tool-call.dispatcher';
import { ToolRegistry } from './tool-registry.service';

/**
 * Builds the SDK McpServer of one session (or one stateless request) from what the registry
 * discovered. McpServer registers prompts and resource templates; tools/list and tools/call are ours:
 * the list is computed once for every session, and the call goes through the ToolCallDispatcher.
 */
@Injectable()
export class McpServerFactory {
  // The SDK builds an Ajv instance per server unless given one: shared, a session costs ~5 KB, not ~22 KB.
  private readonly schemaValidator = new AjvJsonSchemaValidator();

  constructor(
    private readonly registry: ToolRegistry,
    private readonly dispatcher: ToolCallDispatcher,
  ) {}

  create(session: McpSession): McpServer {
    const mcp = new McpServer(SERVER_INFO, {
      capabilities: { tools: { listChanged: false }, logging: {} },
      jsonSchemaValidator: this.schemaValidator,
    });
    for (const prompt of this.registry.prompts()) {
      const d = prompt.definition;
      mcp.registerPrompt(d.name, { title: d.title, description: d.description, argsSchema: d.args }, async (args) =>
        prompt.build(args as never, session.locale),
      );
    }
    for (const resource of this.registry.resourceTemplates()) {
      const d = resource.definition;
      mcp.registerResource(
        d.name,
        new ResourceTemplate(d.uriTemplate, { list: undefined }),
        { title: d.title, description: d.description },
        async (uri, variables, extra) => resource.read(uri, variables, extra.signal),
      );
    }
    const server = mcp.server;
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [...this.registry.list()] }));
    server.setRequestHandler(CallToolRequestSchema, async (request, extra) =>
      this.dispatcher.call(request, extra, session, mcp),
    );
    server.setRequestHandler(SetLevelRequestSchema, (request) => {
      session.logLevel = request.params.level;
      session.loggingRequested = true;
      return {};
    });
    return mcp;
  }
}
