import { Translator } from '@app/common';
import { Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { catalogueText } from './catalogue-text';
import type { mcpConfig } from './mcp.config';
import { ToolCallDispatcher } from './tool-call.dispatcher';
import { ToolCallEvents, type ToolCallEvent } from './tool-call-events';
import type { ToolContext } from './tool-context';
import { ToolHandler } from './tool-handler';
import { TOOL_HINTS } from './tool-hints';
import type { ToolRegistry } from './tool-registry.service';

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

/** A dispatcher serving the one tool `run` implements, and what that tool was given. */
function dispatcherFor(run: (context: ToolContext) => Promise<{ ok: boolean }>, structuredOutput = false) {
  const seen: { context?: ToolContext } = {};
  const input = z.object({}).strict();
  const output = z.object({ ok: z.boolean() });
  class SpecTool extends ToolHandler<typeof input, typeof output> {
    readonly definition = {
      name: 'spec_tool',
      // The dispatcher never reads them; any catalogue texts do.
      title: catalogueText('get_current_user.title'),
      description: catalogueText('get_current_user.description'),
      toolset: 'context' as const,
      input,
      output,
      hints: TOOL_HINTS.read,
    };

    async run(_input: object, context: ToolContext): Promise<{ ok: boolean }> {
      seen.context = context;
      return run(context);
    }

    render(): string {
      return 'ok';
    }
  }
  const registry = { lookup: () => ({ handler: new SpecTool() }) } as unknown as ToolRegistry;
  const config = { toolTimeoutMs: TIMEOUT_MS, responseBudgetChars: 24000, structuredOutput } as ConfigType<
    typeof mcpConfig
  >;
  const events: ToolCallEvent[] = [];
  const toolCallEvents = new ToolCallEvents().on('tool-call', (event) => events.push(event));
  const dispatcher = new ToolCallDispatcher(registry, new KeyTranslator(), toolCallEvents, config);
  const call = async (signal = new AbortController().signal): Promise<CallToolResult> =>
    dispatcher.call(
      { method: 'tools/call', params: { name: 'spec_tool', arguments: {} } },
      { signal, sendNotification: jest.fn() } as never,
      { locale: 'en', logLevel: 'info', loggingRequested: false },
      {} as McpServer,
    );
  return { call, seen, events };
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
    const structured = await dispatcherFor(async () => Promise.resolve({ ok: true }), true).call();
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
