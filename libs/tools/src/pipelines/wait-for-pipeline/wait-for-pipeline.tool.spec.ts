import { BitbucketErrorCode, type BbPipeline, type BbPipelineStep } from '@app/bitbucket';
import { bitbucketModelFixture as bb, toolContextFixture } from '@app/testing';
import { WaitForPipelineTool } from './wait-for-pipeline.tool';

/** Sleeping advances a fake clock instead of time; an aborted signal rejects it as node's timers do. */
const mockClock = { now: 0, sleeps: [] as number[] };
jest.mock('node:timers/promises', () => ({
  setTimeout: async (ms: number, _value: unknown, options: { signal: AbortSignal }) => {
    mockClock.sleeps.push(ms);
    if (options.signal.aborted) return Promise.reject(new DOMException('The operation was aborted', 'AbortError'));
    mockClock.now += ms;
    return Promise.resolve();
  },
}));

/** A run that is PENDING, then runs Lint and Test, then completes as `result`: one state per look. */
function runThrough(states: readonly [BbPipeline['status'], string | undefined, BbPipelineStep['status'][]][]) {
  let look = 0;
  const state = () => states[Math.min(look, states.length - 1)] ?? states[0];
  return {
    looks: () => look,
    getPipeline: async () => {
      const [status, result] = state() ?? ['PENDING', undefined];
      return Promise.resolve(bb.pipeline({ uuid: '{pipeline-9}', buildNumber: 9, status, result }));
    },
    listPipelineSteps: async () => {
      const steps = (state()?.[2] ?? []).map((status, i) =>
        bb.step({
          uuid: `{step-${i}}`,
          name: ['Lint', 'Test'][i] ?? 'Step',
          status,
          result: status === 'COMPLETED' ? 'SUCCESSFUL' : undefined,
        }),
      );
      look += 1;
      return Promise.resolve(bb.page(steps));
    },
  };
}

const args = { workspace: 'acme', repo: 'payments-api', pipeline: '{pipeline-9}', pollIntervalSeconds: 2 };

describe('WaitForPipelineTool', () => {
  beforeEach(() => {
    mockClock.now = 0;
    mockClock.sleeps = [];
    jest.spyOn(Date, 'now').mockImplementation(() => mockClock.now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('looks at the run every interval until it completes, reporting progress while it waits and each change in the log', async () => {
    const run = runThrough([
      ['PENDING', undefined, ['PENDING', 'PENDING']],
      ['IN_PROGRESS', undefined, ['IN_PROGRESS', 'PENDING']],
      ['IN_PROGRESS', undefined, ['IN_PROGRESS', 'PENDING']],
      ['IN_PROGRESS', undefined, ['COMPLETED', 'IN_PROGRESS']],
      ['COMPLETED', 'SUCCESSFUL', ['COMPLETED', 'COMPLETED']],
    ]);
    const progress: [number, string | undefined][] = [];
    const logs: string[] = [];
    const context = toolContextFixture({
      progress: async (value, _total, message) => {
        progress.push([value, message]);
        return Promise.resolve();
      },
      log: async (_level, message) => {
        logs.push(message);
        return Promise.resolve();
      },
    });
    const tool = new WaitForPipelineTool(bb.client(run));
    const result = await tool.run(args, context);

    expect(result).toMatchObject({
      outcome: 'completed',
      polls: 5,
      waitedSeconds: 8,
      pipeline: { result: 'SUCCESSFUL' },
    });
    expect(result.steps.map((step) => `${step.name} ${step.result ?? step.state}`)).toEqual([
      'Lint SUCCESSFUL',
      'Test SUCCESSFUL',
    ]);
    expect(mockClock.sleeps).toEqual([2000, 2000, 2000, 2000]);
    expect(progress.map(([value]) => value)).toEqual([1, 2, 3, 4]);
    expect(progress[1]?.[1]).toBe(
      'tools.PIPELINE_WAIT_PROGRESS_STEP {"buildNumber":9,"state":"IN_PROGRESS","elapsed":2,"step":"Lint","stepState":"IN_PROGRESS","index":1,"count":2}',
    );
    expect(logs).toEqual([
      progress[0]?.[1],
      progress[1]?.[1],
      progress[3]?.[1],
      'tools.PIPELINE_WAIT_PROGRESS {"buildNumber":9,"state":"SUCCESSFUL","elapsed":8}',
    ]);
    expect(tool.render(result, context).split('\n')[0]).toBe(
      'tools.PIPELINE_WAIT_COMPLETED {"buildNumber":9,"state":"SUCCESSFUL","waited":8}',
    );
  });

  it('returns the run as it stands when the timeout elapses, the last wait cut to the time left', async () => {
    const run = runThrough([['IN_PROGRESS', undefined, ['IN_PROGRESS']]]);
    const tool = new WaitForPipelineTool(bb.client(run));
    const context = toolContextFixture();
    const result = await tool.run({ ...args, timeoutSeconds: 5 }, context);
    expect(result).toMatchObject({ outcome: 'timed_out', polls: 4, waitedSeconds: 5 });
    expect(mockClock.sleeps).toEqual([2000, 2000, 1000]);
    expect(tool.render(result, context).split('\n')[0]).toBe(
      'tools.PIPELINE_WAIT_TIMED_OUT {"buildNumber":9,"state":"IN_PROGRESS","waited":5}',
    );
  });

  it('stops waiting in time to answer before the call’s deadline, whatever timeoutSeconds asks', async () => {
    const run = runThrough([['IN_PROGRESS', undefined, ['IN_PROGRESS']]]);
    const tool = new WaitForPipelineTool(bb.client(run));
    // The deadline leaves 15 s of waiting once the last look's 10 s are kept back.
    const context = toolContextFixture({ deadline: 25000 });
    const result = await tool.run({ ...args, timeoutSeconds: 1800, pollIntervalSeconds: 4 }, context);
    expect(result).toMatchObject({ outcome: 'timed_out', waitedSeconds: 15 });
    expect(mockClock.sleeps).toEqual([4000, 4000, 4000, 3000]);
  });

  it('does not wait for a run that a manual step paused', async () => {
    const run = runThrough([['PAUSED', undefined, ['COMPLETED', 'PENDING']]]);
    const result = await new WaitForPipelineTool(bb.client(run)).run(args, toolContextFixture());
    expect(result).toMatchObject({ outcome: 'paused', polls: 1 });
    expect(mockClock.sleeps).toEqual([]);
  });

  it('stops at once when the call is cancelled, without looking again', async () => {
    const run = runThrough([['IN_PROGRESS', undefined, ['IN_PROGRESS']]]);
    const controller = new AbortController();
    const tool = new WaitForPipelineTool(
      bb.client({
        ...run,
        getPipeline: async () => {
          if (run.looks() === 1) controller.abort();
          return run.getPipeline();
        },
      }),
    );
    await expect(tool.run(args, toolContextFixture({ signal: controller.signal }))).rejects.toMatchObject({
      code: BitbucketErrorCode.CANCELLED,
    });
    expect(run.looks()).toBe(2);
  });

  it('is a read-only tool whose timeout and interval are bounded', () => {
    const tool = new WaitForPipelineTool(bb.client({}));
    expect(tool.definition.hints.readOnlyHint).toBe(true);
    expect(tool.definition.input.safeParse({ ...args, timeoutSeconds: 1801 }).success).toBe(false);
    expect(tool.definition.input.safeParse({ ...args, pollIntervalSeconds: 0 }).success).toBe(false);
  });
});
