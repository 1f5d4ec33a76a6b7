import { ArgumentException, describeThrown, RequestContext, toErrorResponse, Translator } from '@app/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type {
  CallToolRequest,
  CallToolResult,
  LoggingLevel,
  ServerNotification,
  ServerRequest,
} from '@modelcontextprotocol/sdk/types.js';
import { randomUUID } from 'node:crypto';
import { answerLocale } from './answer-locale';
import { passesLogLevel } from './logging-levels';
import type { McpSession } from './mcp-session';
import { mcpConfig } from './mcp.config';
import type { ToolContext } from './tool-context';
import type { ToolHandler } from './tool-handler';
import { ToolCallEvents, type ToolCallOutcome } from './tool-call-events';
import { ToolRegistry, type ToolEntry } from './tool-registry.service';
import { describeValidationIssues } from './validation-issues';

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** The result for the client, and what the call's event says of it. */
interface ToolCallAnswer {
  readonly result: CallToolResult;
  readonly outcome: ToolCallOutcome;
  readonly arguments: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The tools/call handler of every session: finds the tool, refuses it precisely when it is not
 * offered, validates arguments (naming the bad fields, in the answer's language: answerLocale), asks for
 * confirmation of destructive actions, runs it with cancellation, a deadline, progress and logging,
 * and turns its output or its failure into a CallToolResult. Failures are `isError` results with a
 * localized message, their code and the correlation id; never a stack trace or an upstream body.
 * Each answered call is a ToolCallEvents 'tool-call' event.
 */
@Injectable()
export class ToolCallDispatcher {
  private readonly logger = new Logger('ToolCall');

  constructor(
    private readonly registry: ToolRegistry,
    private readonly translator: Translator,
    private readonly events: ToolCallEvents,
    @Inject(mcpConfig.KEY) private readonly config: ConfigType<typeof mcpConfig>,
  ) {}

  async call(request: CallToolRequest, extra: Extra, session: McpSession, mcp: McpServer): Promise<CallToolResult> {
    const correlationId = RequestContext.correlationId() ?? randomUUID();
    const entry = this.registry.lookup(request.params.name);
    const started = performance.now();
    const announce = (outcome: ToolCallOutcome, args: ToolCallAnswer['arguments']): void => {
      this.events.emit('tool-call', {
        tool: entry?.handler.definition.name,
        kind: entry === undefined ? undefined : entry.handler.definition.hints.readOnlyHint ? 'read' : 'write',
        outcome,
        durationMs: performance.now() - started,
        correlationId,
        principalId: RequestContext.current()?.principalId,
        arguments: args,
      });
    };
    try {
      const answer = await this.dispatch(request, entry, extra, session, mcp, correlationId);
      announce(answer.outcome, answer.arguments);
      return answer.result;
    } catch (error) {
      // Only the confirmation question throws (the client cancelled or refused the elicitation).
      announce(toErrorResponse(error).code, undefined);
      throw error;
    }
  }

  private async dispatch(
    request: CallToolRequest,
    entry: ToolEntry | undefined,
    extra: Extra,
    session: McpSession,
    mcp: McpServer,
    correlationId: string,
  ): Promise<ToolCallAnswer> {
    const name = request.params.name;
    const locale = answerLocale(session);
    if (entry === undefined) return this.failure('TOOL_UNKNOWN', { name }, locale, correlationId);
    if (entry.refusal === 'unavailable') {
      return this.failure('TOOL_UNAVAILABLE', { name }, locale, correlationId, entry.unavailableMessageKey);
    }
    if (entry.refusal !== undefined) {
      const code = entry.refusal === 'read-only' ? 'TOOL_READ_ONLY' : 'TOOL_NOT_OFFERED';
      return this.failure(code, { name }, locale, correlationId);
    }
    const { handler } = entry;
    // reportInput: zod 4 leaves the input out of issues otherwise, and a wrong type would read as missing.
    const parsed = handler.definition.input.safeParse(request.params.arguments ?? {}, { reportInput: true });
    if (!parsed.success) {
      const details = describeValidationIssues(parsed.error.issues, this.translator, locale);
      return this.failure('TOOL_INVALID_ARGUMENTS', { name, details }, locale, correlationId);
    }
    const input = parsed.data;
    const withInput = (answer: Omit<ToolCallAnswer, 'arguments'>): ToolCallAnswer => ({ ...answer, arguments: input });
    if (handler.definition.hints.destructiveHint) {
      const refusal = await this.confirm(handler, input, mcp, extra, locale, correlationId);
      if (refusal !== undefined) return withInput(refusal);
    }
    const timeoutMs = this.config.toolTimeoutMs;
    const deadline = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // Settles only when the deadline passes: the call then answers even if the tool ignores its signal.
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const reason = new DOMException(`${name} took over ${timeoutMs} ms`, 'TimeoutError');
        deadline.abort(reason);
        reject(reason);
      }, timeoutMs);
    });
    // The client's cancellation aborts the deadline's controller too: one signal for the tool, without
    // the composite signal of AbortSignal.any(), whose weak references cost every call in GC.
    const cancel = (): void => {
      deadline.abort(extra.signal.reason);
    };
    if (extra.signal.aborted) cancel();
    else extra.signal.addEventListener('abort', cancel, { once: true });
    const signal = deadline.signal;
    const context = this.context(extra, session, locale, correlationId, signal, Date.now() + timeoutMs);
    const started = performance.now();
    try {
      const output = await Promise.race([handler.run(input, context), expired]);
      const checked = handler.definition.output.safeParse(output);
      if (!checked.success) {
        this.logger.error({
          message: `Tool ${name} returned output that breaks its own schema`,
          correlationId,
          issues: checked.error.issues,
        });
        return withInput(this.failure('INTERNAL', {}, locale, correlationId));
      }
      this.logger.debug({
        message: `Tool ${name} answered`,
        correlationId,
        durationMs: Math.round(performance.now() - started),
      });
      return withInput({
        // The text is what a model reads; the same data as structuredContent only when asked for (mcp.config.ts).
        result: {
          content: [{ type: 'text', text: handler.render(checked.data, context) }],
          ...(this.config.structuredOutput ? { structuredContent: checked.data } : {}),
        },
        outcome: 'OK',
      });
    } catch (error) {
      // Past the deadline whatever the tool threw (its aborted upstream call, or nothing yet): a timeout.
      if (deadline.signal.aborted && !extra.signal.aborted) {
        this.logger.warn({ message: `Tool ${name} stopped at its ${timeoutMs} ms deadline`, correlationId });
        return withInput(this.failure('TOOL_TIMEOUT', { name, timeoutMs }, locale, correlationId));
      }
      const response = toErrorResponse(error);
      const log = response.unexpected ? 'error' : 'debug';
      this.logger[log]({
        message: `Tool ${name} failed with ${response.code}`,
        correlationId,
        error: describeThrown(error),
      });
      // An argument the schema let through but the gateway cannot use reads like any invalid argument.
      if (error instanceof ArgumentException) {
        const details = this.translator.error(error.code, error.params, locale);
        return withInput(this.failure('TOOL_INVALID_ARGUMENTS', { name, details }, locale, correlationId));
      }
      return withInput(this.failure(response.code, response.params, locale, correlationId, response.messageKey));
    } finally {
      clearTimeout(timer);
      extra.signal.removeEventListener('abort', cancel);
    }
  }

  /** undefined when confirmed; otherwise the result to answer instead of running the tool. */
  private async confirm(
    handler: ToolHandler,
    input: Record<string, unknown>,
    mcp: McpServer,
    extra: Extra,
    locale: string,
    correlationId: string,
  ): Promise<ToolCallAnswer | undefined> {
    const { name, confirmation } = handler.definition;
    const params = Object.fromEntries(
      Object.entries(input).filter((entry): entry is [string, string | number] =>
        ['string', 'number'].includes(typeof entry[1]),
      ),
    );
    const question = this.translator.t(`confirm.${confirmation ?? name}`, params, locale);
    if (mcp.server.getClientCapabilities()?.elicitation !== undefined) {
      const answer = await mcp.server.elicitInput(
        {
          message: question,
          requestedSchema: {
            type: 'object',
            properties: { confirm: { type: 'boolean', title: this.translator.t('confirm.FIELD_TITLE', {}, locale) } },
            required: ['confirm'],
          },
        },
        { signal: extra.signal },
      );
      if (answer.action === 'accept' && answer.content?.confirm === true) return undefined;
      return this.failure('TOOL_NOT_CONFIRMED', { name }, locale, correlationId);
    }
    if (input.confirm === true) return undefined;
    return this.failure('TOOL_CONFIRMATION_REQUIRED', { name, question }, locale, correlationId);
  }

  private context(
    extra: Extra,
    session: McpSession,
    locale: string,
    correlationId: string,
    signal: AbortSignal,
    deadline: number,
  ): ToolContext {
    const progressToken = extra._meta?.progressToken;
    return {
      signal,
      deadline,
      locale,
      correlationId,
      budgetChars: this.config.responseBudgetChars,
      progress: async (progress, total, message) => {
        if (progressToken === undefined) return;
        // Operators (and the streaming benchmark) see when each progress event left the tool.
        this.logger.debug({ message: 'Progress sent', correlationId, progressRef: String(progressToken), progress });
        await extra.sendNotification({
          method: 'notifications/progress',
          params: {
            progressToken,
            progress,
            ...(total === undefined ? {} : { total }),
            ...(message === undefined ? {} : { message }),
          },
        });
      },
      t: (key, params) => this.translator.t(key, params, locale),
      log: async (level: LoggingLevel, message: string) => {
        if (!passesLogLevel(level, session.logLevel)) return;
        await extra.sendNotification({
          method: 'notifications/message',
          params: { level, logger: 'bitbucket', data: message },
        });
      },
    };
  }

  private failure(
    code: string,
    params: Record<string, string | number>,
    locale: string,
    correlationId: string,
    messageKey: string = code,
  ): ToolCallAnswer {
    const message = this.translator.error(code, params, locale, messageKey);
    const suffix = this.translator.t('mcp.ERROR_REFERENCE', { code, correlationId }, locale);
    return {
      result: { content: [{ type: 'text', text: `${message}\n${suffix}` }], isError: true },
      outcome: code,
      arguments: undefined,
    };
  }
}
