import { FakeBitbucketProcess, type FakeRequestRecord, stdioServerTransport } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  CallToolResultSchema,
  LoggingMessageNotificationSchema,
  type CallToolResult,
  type Progress,
} from '@modelcontextprotocol/sdk/types.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';

const REPO = { workspace: 'acme', repo: 'payments-api' };
/** Every upstream call of the waiting: GET …/pipelines/{uuid} and GET …/pipelines/{uuid}/steps. */
const PIPELINE_GETS = '^/2\\.0/repositories/acme/payments-api/pipelines/[^/]+(/steps)?$';

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await probe();
    if (found !== undefined) return found;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * wait_for_pipeline through the real stdio server and the SDK client: progress notifications reach
 * the client before the result, and cancelling the request stops the tool and its upstream polling.
 */
describe('wait_for_pipeline over stdio (progress and cancellation)', () => {
  let fake: FakeBitbucketProcess;
  let client: Client;
  const logs: string[] = [];

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
    const transport = stdioServerTransport({ ...bitbucketEnv(fake, 'cloud'), MCP_STRUCTURED_OUTPUT: 'true' }).transport;
    client = new Client({ name: 'wait-for-pipeline-e2e', version: '1.0.0' });
    client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      logs.push(String(notification.params.data));
    });
    await client.connect(transport);
  });

  beforeEach(async () => {
    await fake.reset();
    logs.length = 0;
  });

  afterAll(async () => {
    await client.close();
    await fake.stop();
  });

  const trigger = async (): Promise<{ uuid: string; buildNumber: number }> => {
    const result = (await client.callTool({
      name: 'trigger_pipeline',
      arguments: { ...REPO, ref: 'main' },
    })) as CallToolResult;
    expect(result.isError).not.toBe(true);
    return result.structuredContent as { uuid: string; buildNumber: number };
  };

  it('sends a progress notification on every look that keeps it waiting, all before the result', async () => {
    await fake.settings({ pipelinePendingMs: 300, pipelineStepMs: 700 });
    const run = await trigger();
    const events: ({ kind: 'progress'; progress: Progress } | { kind: 'result' })[] = [];

    const result = await client
      .callTool(
        { name: 'wait_for_pipeline', arguments: { ...REPO, pipeline: run.buildNumber, pollIntervalSeconds: 1 } },
        CallToolResultSchema,
        { onprogress: (progress) => events.push({ kind: 'progress', progress }), timeout: 30000 },
      )
      .then((answer) => {
        events.push({ kind: 'result' });
        return answer as CallToolResult;
      });

    expect(result.structuredContent).toMatchObject({
      outcome: 'completed',
      pipeline: { uuid: run.uuid, result: 'SUCCESSFUL' },
    });
    const progress = events.flatMap((event) => (event.kind === 'progress' ? [event.progress] : []));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(events.at(-1)).toEqual({ kind: 'result' });
    expect(events.filter((event) => event.kind === 'result')).toHaveLength(1);
    expect(progress.map((p) => p.progress)).toEqual(progress.map((_, i) => i + 1));
    expect(progress[0]?.message).toMatch(
      new RegExp(`^Pipeline #${run.buildNumber}: (PENDING|IN_PROGRESS), step 1/3 Lint `),
    );
    expect(progress.some((p) => /IN_PROGRESS, step \d\/3 (Lint|Test|Build) IN_PROGRESS/.test(p.message ?? ''))).toBe(
      true,
    );
    // The last look is the result itself; every look before it was a progress notification.
    expect(result.structuredContent).toMatchObject({ polls: progress.length + 1 });
    // Log messages follow the changes of state (not every look), through notifications/message.
    expect(logs.at(-1)).toMatch(new RegExp(`^Pipeline #${run.buildNumber}: SUCCESSFUL \\(\\d+ s\\)$`));
    expect(logs.length).toBeLessThanOrEqual(progress.length + 1);
  }, 30000);

  it('honours logging/setLevel: above the tool’s level no log message arrives, progress still does', async () => {
    await fake.settings({ pipelinePendingMs: 200, pipelineStepMs: 500 });
    const run = await trigger();
    await client.setLoggingLevel('warning');
    try {
      let looks = 0;
      await client.callTool(
        { name: 'wait_for_pipeline', arguments: { ...REPO, pipeline: run.buildNumber, pollIntervalSeconds: 1 } },
        CallToolResultSchema,
        { onprogress: () => (looks += 1), timeout: 30000 },
      );
      expect(looks).toBeGreaterThanOrEqual(1);
      expect(logs).toEqual([]);
    } finally {
      await client.setLoggingLevel('info');
    }
  }, 30000);

  it('stops at once when the client cancels: the in-flight upstream call is aborted and no look follows', async () => {
    await fake.settings({ pipelineStepMs: 600_000 });
    const run = await trigger();
    const controller = new AbortController();
    let looks = 0;
    const call = client.callTool(
      {
        name: 'wait_for_pipeline',
        arguments: { ...REPO, pipeline: run.uuid, pollIntervalSeconds: 1, timeoutSeconds: 600 },
      },
      CallToolResultSchema,
      { signal: controller.signal, onprogress: () => (looks += 1), timeout: 60000 },
    );
    const settled = call.then(
      () => 'answered',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    await until('the first look', async () => Promise.resolve(looks >= 1 ? true : undefined));

    // Bitbucket becomes slow: the next look's GET of the pipeline hangs until it is aborted.
    await fake.addFault({
      method: 'GET',
      path: '^/2\\.0/repositories/acme/payments-api/pipelines/[^/]+$',
      latencyMs: 60000,
    });
    const hanging = await until('a pipeline GET in flight', async () =>
      (await fake.requests({ method: 'GET', path: PIPELINE_GETS })).find(
        (record: FakeRequestRecord) => record.outcome === 'pending' && record.faultId !== undefined,
      ),
    );
    controller.abort();

    expect(await settled).not.toBe('answered');
    const aborted = await until('the in-flight GET to be aborted', async () =>
      (await fake.requests({ method: 'GET', path: PIPELINE_GETS })).find(
        (record) => record.seq === hanging.seq && record.outcome === 'aborted',
      ),
    );
    // Aborted by the cancellation, long before the gateway's own 10 s request timeout.
    expect(aborted.durationMs).toBeLessThan(3000);

    const before = (await fake.requests({ method: 'GET', path: PIPELINE_GETS })).length;
    await sleep(3500);
    const after = await fake.requests({ method: 'GET', path: PIPELINE_GETS });
    expect(after).toHaveLength(before);
    expect(after.filter((record) => record.outcome === 'pending')).toEqual([]);
    expect(looks).toBe(1);
  }, 30000);
});
