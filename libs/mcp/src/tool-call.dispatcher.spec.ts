import { AppException, ArgumentException, RequestContext, Translator } from '@app/common';
import { HttpStatus, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { catalogueText } from './catalogue-text';
import type { McpSession } from './mcp-session';
import type { mcpConfig } from './mcp.config';
import { ToolCallDispatcher } from './tool-call.dispatcher';
import { ToolCallEvents, type ToolCallEvent } from './tool-call-events';
import type { ToolContext } from './tool-context';
import { ToolHandler } from './tool-handler';
import { TOOL_HINTS } from './tool-hints';
import type { ToolDefinition } from './tool-definition';
import type { ToolEntry, ToolRegistry } from './tool-registry.service';

/** Messages read `key {params}`, so a spec sees which error and which values without the catalogue. */
class KeyTranslator extends Translator {
  find(key: string, params?: Readonly<Record<string, string | number>>): string {
    return params === undefined ? key : `${key} ${JSON.stringify(params)}`;
  }

  currentLocale(): string {
    return 'en';
  }

  supportedLocales(): readonly string[] {
    return ['en'];
  }

  defaultLocale(): string {
    return 'en';
  }
}

const TIMEOUT_MS = 1000;

/** How the spec's one tool is declared and registered (by default: a known, offered read tool taking nothing). */
interface SpecToolOptions {
  readonly input?: z.ZodObject;
  readonly hints?: ToolDefinition['hints'];
  readonly refusal?: ToolEntry['refusal'];
  readonly unknown?: boolean;
  /** The server the call comes through (the client's capabilities: elicitation). */
  readonly mcp?: McpServer;
  /** MCP_STRUCTURED_OUTPUT: answers carry structuredContent too. */
  readonly structuredOutput?: boolean;
}

/** A dispatcher serving the one tool `run` implements, and what that tool was given. */
function dispatcherFor(
  run: (context: ToolContext, input: Record<string, unknown>) => Promise<{ ok: boolean }>,
  options: SpecToolOptions = {},
) {
  const seen: { context?: ToolContext } = {};
  const input = options.input ?? z.object({}).strict();
  const output = z.object({ ok: z.boolean() });
  class SpecTool extends ToolHandler<z.ZodObject, typeof output> {
    readonly definition = {
      name: 'spec_tool',
      // The dispatcher never reads them; any catalogue texts do.
      title: catalogueText('get_current_user.title'),
      description: catalogueText('get_current_user.description'),
      toolset: 'context' as const,
      input,
      output,
      hints: options.hints ?? TOOL_HINTS.read,
    };

    async run(given: Record<string, unknown>, context: ToolContext): Promise<{ ok: boolean }> {
      seen.context = context;
      return run(context, given);
    }

    render(): string {
      return 'ok';
    }
  }
  const entry: ToolEntry = {
    handler: new SpecTool(),
    ...(options.refusal === undefined ? {} : { refusal: options.refusal }),
  };
  const registry = { lookup: () => (options.unknown === true ? undefined : entry) } as unknown as ToolRegistry;
  const config = {
    toolTimeoutMs: TIMEOUT_MS,
    responseBudgetChars: 24000,
    structuredOutput: options.structuredOutput ?? false,
  } as ConfigType<typeof mcpConfig>;
  const events: ToolCallEvent[] = [];
  const toolCallEvents = new ToolCallEvents().on('tool-call', (event) => events.push(event));
  const dispatcher = new ToolCallDispatcher(registry, new KeyTranslator(), toolCallEvents, config);
  const sendNotification = jest.fn(async () => Promise.resolve());
  const session: McpSession = { locale: 'en', logLevel: 'info', loggingRequested: false };
  const call = async (
    signal = new AbortController().signal,
    args: Record<string, unknown> = {},
    meta: Record<string, unknown> = {},
  ): Promise<CallToolResult> =>
    dispatcher.call(
      { method: 'tools/call', params: { name: 'spec_tool', arguments: args } },
      { signal, sendNotification, _meta: meta } as never,
      session,
      options.mcp ?? ({} as McpServer),
    );
  return { call, seen, events, sendNotification, session };
}

const textOf = (result: CallToolResult): string => (result.content[0]?.type === 'text' ? result.content[0].text : '');

describe('ToolCallDispatcher: the per-call deadline', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    for (const level of ['error', 'warn', 'debug'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation(() => undefined);
    }
  });

  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('answers TOOL_TIMEOUT at the deadline even when the tool ignores its signal, which it aborts', async () => {
    const { call, seen } = dispatcherFor(async () => new Promise(() => undefined));
    const answer = call();
    await jest.advanceTimersByTimeAsync(TIMEOUT_MS - 1);
    expect(seen.context?.signal.aborted).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    const result = await answer;
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^errors\.TOOL_TIMEOUT \{"name":"spec_tool","timeoutMs":1000\}\n/);
    expect(seen.context?.signal.reason).toMatchObject({ name: 'TimeoutError' });
    expect(jest.getTimerCount()).toBe(0);
  });

  it('tells the tool its deadline, and leaves no timer behind once it answers or throws', async () => {
    const answered = dispatcherFor(async () => Promise.resolve({ ok: true }));
    const started = Date.now();
    expect(textOf(await answered.call())).toBe('ok');
    expect(answered.seen.context?.deadline).toBe(started + TIMEOUT_MS);
    expect(jest.getTimerCount()).toBe(0);

    const thrown = dispatcherFor(() => {
      throw new Error('synchronously');
    });
    expect(textOf(await thrown.call())).toMatch(/^errors\.INTERNAL/);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('answers with text only by default, and with the same output as structuredContent when MCP_STRUCTURED_OUTPUT is on', async () => {
    const textOnly = await dispatcherFor(async () => Promise.resolve({ ok: true })).call();
    expect(textOnly).toEqual({ content: [{ type: 'text', text: 'ok' }] });
    const structured = await dispatcherFor(async () => Promise.resolve({ ok: true }), {
      structuredOutput: true,
    }).call();
    expect(structured).toEqual({ content: [{ type: 'text', text: 'ok' }], structuredContent: { ok: true } });
  });

  it('passes the client’s cancellation on to the tool', async () => {
    const cancel = new AbortController();
    const { call, seen } = dispatcherFor(
      async (context) =>
        new Promise((_resolve, reject) => {
          context.signal.addEventListener('abort', () => {
            reject(new Error('cancelled'));
          });
        }),
    );
    const answer = call(cancel.signal);
    await jest.advanceTimersByTimeAsync(10);
    cancel.abort();
    await answer;
    expect(seen.context?.signal.aborted).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('ToolCallDispatcher: the tool-call event', () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('announces each answered call once, with its tool, kind, outcome, duration and accepted arguments', async () => {
    const answered = dispatcherFor(async () => Promise.resolve({ ok: true }));
    await answered.call();
    expect(answered.events).toEqual([
      expect.objectContaining({ tool: 'spec_tool', kind: 'read', outcome: 'OK', arguments: {} }),
    ]);
    expect(answered.events[0]?.durationMs).toBeGreaterThanOrEqual(0);

    const failed = dispatcherFor(() => {
      throw new Error('synchronously');
    });
    await failed.call();
    expect(failed.events).toEqual([expect.objectContaining({ tool: 'spec_tool', outcome: 'INTERNAL' })]);
  });
});

/** An error of a lib, coded, with params and a more precise message, as the gateway throws them. */
class SpecUpstreamException extends AppException {
  constructor(status: HttpStatus) {
    super('BITBUCKET_NOT_FOUND', status, 'spec: no such branch', {
      params: { resource: 'branch' },
      messageKey: 'BITBUCKET_NOT_FOUND_BRANCH',
    });
  }
}

describe('ToolCallDispatcher: refusals before the tool runs', () => {
  const neverRun = jest.fn(async () => Promise.resolve({ ok: true }));

  afterEach(() => {
    neverRun.mockClear();
  });

  it('refuses an unknown tool, and one the deployment does not offer, saying why', async () => {
    const unknown = dispatcherFor(neverRun, { unknown: true });
    expect(textOf(await unknown.call())).toMatch(/^errors\.TOOL_UNKNOWN \{"name":"spec_tool"\}\nmcp\.ERROR_REFERENCE/);
    expect(unknown.events).toEqual([
      expect.objectContaining({ tool: undefined, kind: undefined, outcome: 'TOOL_UNKNOWN' }),
    ]);
    for (const [refusal, code] of [
      ['read-only', 'TOOL_READ_ONLY'],
      ['not-enabled', 'TOOL_NOT_OFFERED'],
      ['unavailable', 'TOOL_UNAVAILABLE'],
    ] as const) {
      const refused = dispatcherFor(neverRun, { refusal });
      const result = await refused.call();
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(new RegExp(`^errors\\.${code} `));
      expect(refused.events).toEqual([
        expect.objectContaining({ tool: 'spec_tool', outcome: code, arguments: undefined }),
      ]);
    }
    expect(neverRun).not.toHaveBeenCalled();
  });

  it('refuses arguments its schema refuses, naming the field and what was wrong, without running it', async () => {
    const { call, events } = dispatcherFor(neverRun, { input: z.object({ branch: z.string() }).strict() });
    const result = await call(undefined, { branch: 42 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^errors\.TOOL_INVALID_ARGUMENTS \{"name":"spec_tool","details":".*branch.*"\}/);
    expect(neverRun).not.toHaveBeenCalled();
    // Refused arguments are not the call's: the event leaves them out.
    expect(events).toEqual([expect.objectContaining({ outcome: 'TOOL_INVALID_ARGUMENTS', arguments: undefined })]);
  });

  it('asks for confirmation of a destructive tool, and runs it once confirmed', async () => {
    const destructive = { hints: TOOL_HINTS.destructive, input: z.object({ confirm: z.boolean().optional() }) };
    const noElicitation = { server: { getClientCapabilities: () => ({}) } } as unknown as McpServer;
    const { call, events } = dispatcherFor(neverRun, { ...destructive, mcp: noElicitation });
    expect(textOf(await call())).toMatch(
      /^errors\.TOOL_CONFIRMATION_REQUIRED \{"name":"spec_tool","question":"confirm\.spec_tool \{\}"\}/,
    );
    expect(neverRun).not.toHaveBeenCalled();
    expect(textOf(await call(undefined, { confirm: true }))).toBe('ok');
    expect(events.map((event) => event.outcome)).toEqual(['TOOL_CONFIRMATION_REQUIRED', 'OK']);
  });

  it('announces and rethrows the failure of the confirmation question itself (the client cancelled it)', async () => {
    const cancelled = new SpecUpstreamException(HttpStatus.BAD_REQUEST);
    const elicitation = {
      server: {
        getClientCapabilities: () => ({ elicitation: {} }),
        elicitInput: jest.fn(async () => Promise.reject(cancelled)),
      },
    } as unknown as McpServer;
    const { call, events } = dispatcherFor(neverRun, { hints: TOOL_HINTS.destructive, mcp: elicitation });
    await expect(call()).rejects.toBe(cancelled);
    expect(events).toEqual([expect.objectContaining({ outcome: 'BITBUCKET_NOT_FOUND', arguments: undefined })]);
  });
});

describe('ToolCallDispatcher: what the tool answers or throws', () => {
  let logged: Record<'error' | 'debug', jest.SpyInstance>;

  beforeEach(() => {
    logged = {
      error: jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined),
      debug: jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined),
    };
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('answers its validated output rendered, and the accepted arguments (defaults applied) in the event', async () => {
    const { call, events } = dispatcherFor(async () => Promise.resolve({ ok: true }), {
      input: z.object({ limit: z.number().default(10) }),
    });
    const result = await call();
    expect(result.isError).toBeUndefined();
    expect(textOf(result)).toBe('ok');
    expect(events).toEqual([expect.objectContaining({ outcome: 'OK', arguments: { limit: 10 } })]);
  });

  it('answers INTERNAL, logging a defect, when the tool breaks its own output schema', async () => {
    const { call, events } = dispatcherFor(async () => Promise.resolve({ ok: 'yes' } as unknown as { ok: boolean }));
    const result = await call();
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(textOf(result)).toMatch(/^errors\.INTERNAL \{\}\n/);
    expect(logged.error).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Tool spec_tool returned output that breaks its own schema' }),
    );
    expect(events).toEqual([expect.objectContaining({ outcome: 'INTERNAL' })]);
  });

  it("maps a lib's coded error to its code, params and precise message, logged as expected; never its text", async () => {
    const { call, events } = dispatcherFor(async () => Promise.reject(new SpecUpstreamException(HttpStatus.NOT_FOUND)));
    const text = textOf(await call());
    expect(text).toMatch(
      /^errors\.BITBUCKET_NOT_FOUND_BRANCH \{"resource":"branch"\}\nmcp\.ERROR_REFERENCE \{"code":"BITBUCKET_NOT_FOUND","correlationId":"[\w-]+"\}$/,
    );
    expect(text).not.toContain('spec: no such branch');
    expect(logged.debug).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Tool spec_tool failed with BITBUCKET_NOT_FOUND' }),
    );
    expect(logged.error).not.toHaveBeenCalled();
    expect(events).toEqual([expect.objectContaining({ outcome: 'BITBUCKET_NOT_FOUND', arguments: {} })]);
  });

  it('answers an argument the gateway cannot use (ArgumentException) as invalid arguments', async () => {
    const { call } = dispatcherFor(async () =>
      Promise.reject(new ArgumentException('PATH_OUTSIDE_REPOSITORY', 'path', 'climbs out')),
    );
    expect(textOf(await call())).toMatch(
      /^errors\.TOOL_INVALID_ARGUMENTS \{"name":"spec_tool","details":"errors\.PATH_OUTSIDE_REPOSITORY \{\\"field\\":\\"path\\"\}"\}/,
    );
  });

  it('answers an unexpected error as INTERNAL, logged as a defect, without its message', async () => {
    const { call } = dispatcherFor(async () => Promise.reject(new Error('secret internals')));
    const text = textOf(await call());
    expect(text).toMatch(/^errors\.INTERNAL \{\}\n/);
    expect(text).not.toContain('secret internals');
    expect(logged.error).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Tool spec_tool failed with INTERNAL' }),
    );
  });
});

describe('ToolCallDispatcher: cancellation, progress and logging', () => {
  beforeEach(() => {
    for (const level of ['error', 'warn', 'debug'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation(() => undefined);
    }
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('gives a call its client already cancelled an aborted signal, and does not call that a timeout', async () => {
    const cancel = new AbortController();
    cancel.abort(new Error('client cancelled'));
    const { call, seen } = dispatcherFor(async (context) =>
      context.signal.aborted ? Promise.reject(context.signal.reason as Error) : Promise.resolve({ ok: true }),
    );
    const text = textOf(await call(cancel.signal));
    expect(seen.context?.signal.aborted).toBe(true);
    expect(text).not.toMatch(/TOOL_TIMEOUT/);
  });

  it('sends progress only to a client that asked for it (a progress token), and log messages at or above its level', async () => {
    const report = async (context: ToolContext): Promise<{ ok: boolean }> => {
      await context.progress(1, 2, 'half');
      await context.log('debug', 'hidden at info');
      await context.log('warning', 'shown');
      return { ok: true };
    };
    const silent = dispatcherFor(report);
    await silent.call();
    expect(silent.sendNotification.mock.calls).toEqual([
      [{ method: 'notifications/message', params: { level: 'warning', logger: 'bitbucket', data: 'shown' } }],
    ]);
    const tracked = dispatcherFor(report);
    await tracked.call(undefined, {}, { progressToken: 'p-1' });
    expect(tracked.sendNotification.mock.calls[0]).toEqual([
      { method: 'notifications/progress', params: { progressToken: 'p-1', progress: 1, total: 2, message: 'half' } },
    ]);
    expect(tracked.sendNotification).toHaveBeenCalledTimes(2);
  });

  it("gives the tool the answer's language and the correlation id of its request", async () => {
    const { call, seen, session } = dispatcherFor(async () => Promise.resolve({ ok: true }));
    session.locale = 'fr';
    await RequestContext.run({ correlationId: 'corr-1', requestedLocale: 'de' }, async () => call());
    expect(seen.context).toMatchObject({ locale: 'de', correlationId: 'corr-1' });
    await call();
    expect(seen.context?.locale).toBe('fr');
  });
});
