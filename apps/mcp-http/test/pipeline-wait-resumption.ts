import type { FakeBitbucketProcess } from '@app/testing';
import { post } from './mcp-http-client';
import { SseReader } from './sse-reader';

type SseEvent = ReturnType<SseReader['events']>[number];

interface ProgressMessage {
  method: 'notifications/progress';
  params: { progress: number };
}
interface ResultMessage {
  id: number;
  result: { structuredContent: { outcome: string } };
}

/** A long call whose connection was cut: what arrived before the cut, and what the resumption brought. */
export interface CutAndResumed {
  readonly requestId: number;
  readonly seen: SseEvent[];
  /** The Last-Event-ID the client resumed with. */
  readonly lastId: string | undefined;
  readonly resumeStatus: number;
  readonly replayed: SseEvent[];
}

/** How the long call is reached and cut. */
export interface CutOptions {
  /** Headers every request carries besides the session's (credentials). */
  readonly headers?: Record<string, string>;
  /** Cuts the stream once its second progress event has arrived; by default the client aborts its request. */
  readonly cut?: () => Promise<void>;
}

/** What the server needs for these helpers: they read the run's build number and the wait's outcome as structured data. */
export const PIPELINE_WAIT_ENV = { MCP_STRUCTURED_OUTPUT: 'true' };

const isProgress = (data: unknown): data is ProgressMessage =>
  (data as { method?: string }).method === 'notifications/progress';

/**
 * Cuts the connection of a long tool call (wait_for_pipeline, one progress event a second) after its
 * second progress event (the client aborts, or `options.cut` cuts it elsewhere, e.g. in a proxy), lets events happen while the client is away, then resumes with
 * Last-Event-ID and reads until the result.
 */
export async function cutAndResumePipelineWait(
  mcpUrl: URL,
  fake: FakeBitbucketProcess,
  session: string,
  requestId: number,
  options: CutOptions = {},
): Promise<CutAndResumed> {
  await fake.settings({ pipelinePendingMs: 200, pipelineStepMs: 1500 });
  const headers = { ...options.headers, 'Mcp-Session-Id': session };
  const repo = { workspace: 'acme', repo: 'payments-api' };
  const triggered = (await (
    await post(
      mcpUrl,
      {
        jsonrpc: '2.0',
        id: requestId - 1,
        method: 'tools/call',
        params: { name: 'trigger_pipeline', arguments: { ...repo, ref: 'main' } },
      },
      headers,
    )
  ).json()) as { result: { structuredContent: { buildNumber: number } } };

  const cut = new AbortController();
  const first = await post(
    mcpUrl,
    {
      jsonrpc: '2.0',
      id: requestId,
      method: 'tools/call',
      params: {
        name: 'wait_for_pipeline',
        arguments: { ...repo, pipeline: triggered.result.structuredContent.buildNumber, pollIntervalSeconds: 1 },
        _meta: { progressToken: `resume-${requestId}` },
      },
    },
    headers,
    cut.signal,
  );
  if (first.headers.get('content-type')?.includes('text/event-stream') !== true) {
    throw new Error(`wait_for_pipeline was not answered as a stream: ${first.status} ${await first.text()}`);
  }
  const before = new SseReader(first);
  await before.waitFor(/"progress":2\b/, 15000);
  if (options.cut === undefined) cut.abort();
  else await options.cut();
  await before.ended();
  const seen = before.events();
  const lastId = seen.at(-1)?.id;

  // Events keep happening while the client is away; it comes back where it left off.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const resumed = await fetch(mcpUrl, {
    headers: { ...headers, Accept: 'text/event-stream', 'Last-Event-ID': lastId ?? '' },
  });
  if (resumed.status !== 200) {
    await resumed.body?.cancel();
    return { requestId, seen, lastId, resumeStatus: resumed.status, replayed: [] };
  }
  const after = new SseReader(resumed);
  await after.waitFor(new RegExp(`"jsonrpc":"2\\.0","id":${requestId}\\}`), 20000);
  return { requestId, seen, lastId, resumeStatus: resumed.status, replayed: after.events() };
}

/** Every progress event once and in order, some of them replayed, and the one result: nothing lost, nothing twice. */
export function expectNothingLostNothingTwice(run: CutAndResumed): void {
  const isResult = (data: unknown): data is ResultMessage => (data as { id?: unknown }).id === run.requestId;
  expect(run.resumeStatus).toBe(200);
  expect(run.seen.some((event) => isResult(event.data))).toBe(false);
  const all = [...run.seen, ...run.replayed];
  const ids = all.flatMap((event) => (event.id === undefined ? [] : [event.id]));
  expect(new Set(ids).size).toBe(ids.length);
  const progress = all.flatMap((event) => (isProgress(event.data) ? [event.data.params.progress] : []));
  expect(progress).toEqual(progress.map((_, index) => index + 1));
  expect(run.replayed.some((event) => isProgress(event.data))).toBe(true);
  const results = all.filter((event) => isResult(event.data));
  expect(results).toHaveLength(1);
  expect((results[0]?.data as ResultMessage).result.structuredContent.outcome).toBe('completed');
}
