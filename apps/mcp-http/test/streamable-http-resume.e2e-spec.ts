import { FakeBitbucketProcess, McpHttpProcess } from '@app/testing';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import { ACCEPT_BOTH, openSession, post } from './mcp-http-client';
import { SseReader } from './sse-reader';

interface ProgressMessage {
  method: 'notifications/progress';
  params: { progress: number };
}
interface ResultMessage {
  id: number;
  result: { structuredContent: { outcome: string } };
}

const isProgress = (data: unknown): data is ProgressMessage =>
  (data as { method?: string }).method === 'notifications/progress';
const isResult = (data: unknown): data is ResultMessage => (data as { id?: unknown }).id === 42;

const REDIS_URL = process.env.REDIS_URL;
if (REDIS_URL === undefined) {
  console.warn('REDIS_URL is not set: the Redis event store variant of the resume suite does not run.');
}
interface EventStoreVariant {
  readonly name: string;
  readonly env: Record<string, string>;
  /** The sequence part of its event ids: a counter in memory, a stream id (`ms-seq`) in Redis. */
  readonly idShape: RegExp;
}

const STORES: EventStoreVariant[] = [
  { name: 'the memory event store', env: {}, idShape: /\.\d+$/ },
  ...(REDIS_URL === undefined ? [] : [{ name: 'the Redis event store', env: { REDIS_URL }, idShape: /\.\d+-\d+$/ }]),
];

/**
 * A client whose connection is cut in the middle of a long tool call (wait_for_pipeline, emitting
 * progress) resumes with Last-Event-ID and gets every event it missed and the result, none twice.
 */
describe.each(STORES)('Streamable HTTP resumption after a cut connection, with $name', ({ env, idShape }) => {
  let fake: FakeBitbucketProcess;
  let server: McpHttpProcess;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
    server = await McpHttpProcess.start({ ...bitbucketEnv(fake, 'cloud'), ...env });
  });

  afterAll(async () => {
    await server.stop();
    await fake.stop();
  });

  it('replays every missed progress event and the result, in order, exactly once', async () => {
    await fake.settings({ pipelinePendingMs: 200, pipelineStepMs: 1500 });
    const session = await openSession(server.mcpUrl);
    const headers = { 'Mcp-Session-Id': session };
    const call = async (id: number, name: string, args: Record<string, unknown>, meta: Record<string, unknown> = {}) =>
      post(
        server.mcpUrl,
        { jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args, _meta: meta } },
        headers,
      );
    const triggered = (await (
      await call(1, 'trigger_pipeline', { workspace: 'acme', repo: 'payments-api', ref: 'main' })
    ).json()) as {
      result: { structuredContent: { buildNumber: number } };
    };

    const cut = new AbortController();
    const first = await fetch(server.mcpUrl, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json', Accept: ACCEPT_BOTH },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 42,
        method: 'tools/call',
        params: {
          name: 'wait_for_pipeline',
          arguments: {
            workspace: 'acme',
            repo: 'payments-api',
            pipeline: triggered.result.structuredContent.buildNumber,
            pollIntervalSeconds: 1,
          },
          _meta: { progressToken: 'resume-test' },
        },
      }),
      signal: cut.signal,
    });
    expect(first.headers.get('content-type')).toContain('text/event-stream');
    const before = new SseReader(first);
    await before.waitFor(/"progress":2\b/, 15000);
    cut.abort();
    await before.ended();
    const seen = before.events();
    const lastId = seen.at(-1)?.id;
    expect(lastId).toMatch(idShape);
    expect(seen.some((event) => isResult(event.data))).toBe(false);

    // Events keep happening while the client is away; it comes back where it left off.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const resumed = await fetch(server.mcpUrl, {
      headers: { ...headers, Accept: 'text/event-stream', 'Last-Event-ID': lastId ?? '' },
    });
    expect(resumed.status).toBe(200);
    const after = new SseReader(resumed);
    await after.waitFor(/"jsonrpc":"2\.0","id":42\}/, 20000);
    const replayed = after.events();

    const all = [...seen, ...replayed];
    const ids = all.flatMap((event) => (event.id === undefined ? [] : [event.id]));
    expect(new Set(ids).size).toBe(ids.length);
    const progress = all.flatMap((event) => (isProgress(event.data) ? [event.data.params.progress] : []));
    expect(progress).toEqual(progress.map((_, index) => index + 1));
    expect(replayed.some((event) => isProgress(event.data))).toBe(true);
    const results = all.filter((event) => isResult(event.data));
    expect(results).toHaveLength(1);
    expect((results[0]?.data as ResultMessage).result.structuredContent.outcome).toBe('completed');
  }, 40000);
});
