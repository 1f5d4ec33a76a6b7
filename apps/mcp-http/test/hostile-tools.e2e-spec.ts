import { FakeBitbucketProcess, McpHttpProcess, REPO_ROOT } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';

const TOOL_TIMEOUT_MS = 2000;
const INTERNAL = /^Something went wrong on the server\. .*\n\(error INTERNAL, correlation id ([0-9a-f-]{36})\)$/;
const TIMED_OUT = new RegExp(
  `^hostile_never_settles did not finish within ${TOOL_TIMEOUT_MS} ms and was stopped\\. .*\\n\\(error TOOL_TIMEOUT, correlation id ([0-9a-f-]{36})\\)$`,
);

/** Tools that fail: each answers a clean error, naming its correlation id and nothing of the failure. */
const FAILING: readonly [string, RegExp][] = [
  ['hostile_sync_throw', INTERNAL],
  ['hostile_reject_error', INTERNAL],
  ['hostile_reject_string', INTERNAL],
  ['hostile_reject_undefined', INTERNAL],
  ['hostile_reject_null', INTERNAL],
  ['hostile_reject_unprintable', INTERNAL],
  ['hostile_reject_status_getter', INTERNAL],
  ['hostile_message_getter', INTERNAL],
  ['hostile_circular_cause', INTERNAL],
  ['hostile_bad_output', INTERNAL],
  ['hostile_render_throws', INTERNAL],
  ['hostile_never_settles', TIMED_OUT],
];

/** Tools that answer, and leave behind something nothing handles: the process safety net logs it. */
const LEAVING: readonly [string, string][] = [
  ['hostile_unhandled_rejection', 'Unhandled promise rejection: left behind, unhandled'],
  ['hostile_timer_throw', 'Uncaught exception: thrown from a timer after answering'],
  ['hostile_emitter_error', 'Uncaught exception: emitted with no listener'],
];

/**
 * The built mcp-http app, started through its real entry point with tools that misbehave in every way
 * a tool can (apps/mcp-http/test/fixtures/hostile-tools.cjs, preloaded with NODE_OPTIONS). Whatever a
 * tool does, the call answers cleanly and the process keeps serving.
 */
describe('tools that misbehave in every way cannot take the process down (the built mcp-http app)', () => {
  let fake: FakeBitbucketProcess;
  let server: McpHttpProcess;
  let client: Client;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });

  beforeAll(async () => {
    server = await McpHttpProcess.start({
      ...bitbucketEnv(fake, 'cloud'),
      // The fixture's tools answer with what a test reads back as structured data.
      MCP_STRUCTURED_OUTPUT: 'true',
      MCP_TOOL_TIMEOUT_MS: String(TOOL_TIMEOUT_MS),
      NODE_OPTIONS: `--require ${join(REPO_ROOT, 'apps/mcp-http/test/fixtures/hostile-tools.cjs')}`,
    });
    client = new Client({ name: 'hostile-tools', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(server.mcpUrl));
  }, 15000);

  afterAll(async () => {
    await client.close();
    await server.stop();
  });

  afterAll(async () => {
    await fake.stop();
  });

  const call = async (name: string): Promise<CallToolResult> =>
    (await client.callTool({ name, arguments: {} })) as CallToolResult;
  const textOf = (result: CallToolResult): string => (result.content[0]?.type === 'text' ? result.content[0].text : '');

  /** The process is alive and still serves: liveness, and a real tool through the same session. */
  const expectStillServing = async (): Promise<void> => {
    expect(server.process.child.exitCode).toBeNull();
    expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
    expect((await call('get_current_user')).structuredContent).toMatchObject({ name: 'alice' });
  };

  it('offers the hostile tools (the fixture took effect)', async () => {
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining([...FAILING, ...LEAVING].map(([name]) => name)));
  });

  it.each(FAILING)(
    '%s: a clean error with a correlation id, no stack, and the server keeps serving',
    async (name, expected) => {
      const result = await call(name);
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(expected);
      expect(textOf(result)).not.toMatch(/\n\s+at |refuses|rejected|thrown|hidden|circular/);
      await expectStillServing();
    },
  );

  it.each(LEAVING)(
    '%s: answers, and the safety net logs what it left behind with its correlation id',
    async (name, logged) => {
      const result = await call(name);
      expect(result.isError).toBeUndefined();
      const { correlationId } = result.structuredContent as { correlationId: string };
      const deadline = Date.now() + 3000;
      const line = (): string | undefined =>
        server.output.split('\n').find((text) => text.includes(logged) && text.includes(correlationId));
      while (line() === undefined && Date.now() < deadline) await sleep(20);
      expect(JSON.parse(line() ?? '{}')).toMatchObject({ level: 'error', context: 'Process', correlationId });
      await expectStillServing();
    },
  );
});
