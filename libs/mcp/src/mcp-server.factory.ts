import { describeThrown, RequestContext, Translator } from '@app/common';
import { Injectable, Logger } from '@nestjs/common';
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  isInitializeRequest,
  LATEST_PROTOCOL_VERSION,
  ListPromptsRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  SetLevelRequestSchema,
  SUPPORTED_PROTOCOL_VERSIONS,
  type CompleteRequest,
  type CompleteResult,
  type GetPromptRequest,
  type JSONRPCMessage,
  type JSONRPCRequest,
} from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv-provider.js';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { answerLocale } from './answer-locale';
import type { ArgumentCompleter } from './argument-completer';
import { ArgumentCompletions } from './argument-completions.service';
import { CLIENT_REQUEST_METHODS, invalidParams } from './client-request-params';
import { InvalidParamsException } from './invalid-params.exception';
import { isRequestMessage } from './json-rpc-message-kind';
import type { McpSession } from './mcp-session';
import { SERVER_INFO } from './server-info';
import { ToolCallDispatcher } from './tool-call.dispatcher';
import { ToolRegistry } from './tool-registry.service';
import { describeValidationIssues } from './validation-issues';

/**
 * Builds the SDK McpServer of one session (or one stateless request) from what the registry
 * discovered, and connects it to the session's transport. McpServer serves prompts/get and
 * resources/read; the lists and tools/call are ours: each list is the registry's, computed once per
 * language for every session, and the call goes through the ToolCallDispatcher.
 */
@Injectable()
export class McpServerFactory {
  private readonly logger = new Logger('McpServer');
  // The SDK builds an Ajv instance per server unless given one: shared, a session costs ~5 KB, not ~22 KB.
  private readonly schemaValidator = new AjvJsonSchemaValidator();

  constructor(
    private readonly registry: ToolRegistry,
    private readonly dispatcher: ToolCallDispatcher,
    private readonly translator: Translator,
    private readonly completions: ArgumentCompletions,
  ) {}

  /** The server of `session`, serving `transport`. */
  async connect(session: McpSession, transport: Transport): Promise<McpServer> {
    const mcp = this.create(session);
    await mcp.connect(transport);
    this.screenRequests(mcp, session, transport);
    return mcp;
  }

  private create(session: McpSession): McpServer {
    const mcp = new McpServer(SERVER_INFO, {
      capabilities: { tools: { listChanged: false }, logging: {} },
      jsonSchemaValidator: this.schemaValidator,
    });
    for (const prompt of this.registry.prompts()) {
      const d = prompt.definition;
      mcp.registerPrompt(d.name, { argsSchema: d.args }, async (args) =>
        prompt.build(args as never, answerLocale(session)),
      );
    }
    for (const resource of this.registry.resourceTemplates()) {
      const d = resource.definition;
      mcp.registerResource(
        d.name,
        new ResourceTemplate(d.uriTemplate, { list: undefined }),
        {},
        async (uri, variables, extra) => resource.read(uri, variables, extra.signal),
      );
    }
    const server = mcp.server;
    // The lists are the registry's, in the request's language (else the session's); they replace the SDK's, set by the registrations above.
    if (this.registry.prompts().length > 0)
      server.setRequestHandler(ListPromptsRequestSchema, () => ({
        prompts: [...this.registry.listPrompts(answerLocale(session))],
      }));
    if (this.registry.resourceTemplates().length > 0)
      server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({
        resourceTemplates: [...this.registry.listResourceTemplates(answerLocale(session))],
      }));
    if (this.completes()) {
      // Ours rather than the SDK's (which completable() and ResourceTemplate's `complete` enable): that one
      // cuts at 100 with no `hasMore` below, and lets a completer's failure become an error.
      server.registerCapabilities({ completions: {} });
      server.setRequestHandler(CompleteRequestSchema, async (request, extra) => this.complete(request, extra.signal));
    }
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [...this.registry.list(answerLocale(session))] }));
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

  /** Whether a prompt or a resource template of this server completes one of its arguments. */
  private completes(): boolean {
    return (
      this.registry.prompts().some((prompt) => Object.keys(prompt.definition.complete ?? {}).length > 0) ||
      this.registry.resourceTemplates().some((template) => Object.keys(template.definition.complete ?? {}).length > 0)
    );
  }

  /** completion/complete for a prompt's argument or a resource template's variable; an unknown one has none. */
  private async complete(request: CompleteRequest, signal: AbortSignal): Promise<CompleteResult> {
    const { ref, argument, context } = request.params;
    const completers =
      ref.type === 'ref/prompt'
        ? this.registry.prompts().find((prompt) => prompt.definition.name === ref.name)?.definition.complete
        : this.registry.resourceTemplates().find((template) => template.definition.uriTemplate === ref.uri)?.definition
            .complete;
    const refName = ref.type === 'ref/prompt' ? `prompt ${ref.name}` : `resource ${ref.uri}`;
    const completer: ArgumentCompleter | undefined = completers?.[argument.name];
    return this.completions.complete(
      refName,
      argument.name,
      completer,
      argument.value,
      context?.arguments ?? {},
      signal,
    );
  }

  /**
   * Sees each message where every transport (stdio, Streamable HTTP, legacy SSE) hands it to the
   * server, the `onmessage` that connect() just set, and:
   * - refuses a request whose params break the SDK's schema for its method with -32602 naming the
   *   fields, where the SDK's handlers would answer -32603 with a raw zod dump. Methods the server has
   *   no handler for are left to the SDK's -32601, whatever their params;
   * - gives a request that arrives outside any request context (stdio) one, with a fresh correlation
   *   id, so its log lines, its errors and the process safety net all name it;
   * - notes the protocol version an initialize agrees (as the SDK's Server answers it).
   */
  private screenRequests(mcp: McpServer, session: McpSession, transport: Transport): void {
    const answered = new Set(CLIENT_REQUEST_METHODS.filter((method) => hasHandler(mcp, method)));
    const deliver = transport.onmessage;
    if (deliver === undefined) return;
    transport.onmessage = (message, extra) => {
      if (!isRequestMessage(message)) {
        deliver(message, extra);
        return;
      }
      const handle = (): void => {
        const locale = answerLocale(session);
        const refusal = answered.has(message.method)
          ? (invalidParams(message, this.translator, locale) ?? this.promptArgumentsRefusal(message, locale))
          : undefined;
        if (refusal !== undefined) {
          this.refuse(transport, message, refusal, locale);
          return;
        }
        if (message.method === 'initialize' && isInitializeRequest(message)) {
          const asked = message.params.protocolVersion;
          session.protocolVersion = SUPPORTED_PROTOCOL_VERSIONS.includes(asked) ? asked : LATEST_PROTOCOL_VERSION;
        }
        deliver(message, extra);
      };
      if (RequestContext.current() === undefined) RequestContext.run({ correlationId: randomUUID() }, handle);
      else handle();
    };
  }

  /**
   * A prompts/get naming no prompt of this server, or with arguments its prompt refuses: refused here,
   * in the caller's language, where the SDK would answer in English.
   */
  private promptArgumentsRefusal(request: JSONRPCRequest, locale: string): InvalidParamsException | undefined {
    if (request.method !== 'prompts/get') return undefined;
    // The SDK's schema for prompts/get has just accepted the params.
    const { name, arguments: args } = request.params as GetPromptRequest['params'];
    const prompt = this.registry.prompts().find((candidate) => candidate.definition.name === name);
    if (prompt === undefined) {
      const details = this.translator.t('validation.unknown_prompt', { field: 'params.name', name }, locale);
      return new InvalidParamsException(request.method, details);
    }
    const checked = z.object(prompt.definition.args).safeParse(args ?? {}, { reportInput: true });
    if (checked.success) return undefined;
    const issues = checked.error.issues.map((issue) => ({ ...issue, path: ['params', 'arguments', ...issue.path] }));
    return new InvalidParamsException(request.method, describeValidationIssues(issues, this.translator, locale));
  }

  private refuse(transport: Transport, request: JSONRPCRequest, refusal: InvalidParamsException, locale: string): void {
    const correlationId = RequestContext.correlationId();
    this.logger.debug({ message: `Refused ${request.method}: ${refusal.message}`, correlationId });
    const answer: JSONRPCMessage = {
      jsonrpc: '2.0',
      id: request.id,
      error: {
        code: refusal.jsonRpcCode,
        message: this.translator.error(refusal.code, refusal.params, locale),
        data: { code: refusal.code, correlationId },
      },
    };
    transport.send(answer).catch((error: unknown) => {
      this.logger.warn({ message: `Could not answer ${request.method}: ${describeThrown(error)}`, correlationId });
    });
  }
}

/** Whether the SDK already has a handler for `method`: its public check throws exactly then. */
function hasHandler(mcp: McpServer, method: string): boolean {
  try {
    mcp.server.assertCanSetRequestHandler(method);
    return false;
  } catch {
    return true;
  }
}
