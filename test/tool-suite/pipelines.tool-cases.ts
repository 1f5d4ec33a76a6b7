import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { readFakeCloud } from './fake-cloud-read';
import type { ToolCase, ToolCaseEnv } from './tool-case';

interface Pipeline {
  readonly uuid: string;
  readonly buildNumber: number;
  readonly state: string;
  readonly result?: string;
  readonly refName?: string;
  readonly trigger?: string;
  readonly creator?: string;
}
interface Step {
  readonly name: string;
  readonly state: string;
  readonly result?: string;
}
interface Page<T> {
  readonly items: T[];
  readonly cursor?: string;
}

const REPO = { workspace: 'acme', repo: 'payments-api' };
const UUID = /\{[0-9a-f-]{36}\}/;

const structured = <T>(result: CallToolResult): T => result.structuredContent as T;

const buildNumbers = async (env: ToolCaseEnv, args: Record<string, unknown> = {}): Promise<number[]> =>
  structured<Page<Pipeline>>(await env.call('list_pipelines', { ...REPO, ...args })).items.map((p) => p.buildNumber);

/** Starts a run of main's default pipeline (Lint, Test, Build) and returns it. */
const trigger = async (env: ToolCaseEnv): Promise<Pipeline> => {
  const result = await env.call('trigger_pipeline', { ...REPO, ref: 'main' });
  expect(result.isError).not.toBe(true);
  return structured<Pipeline>(result);
};

/** list_pipelines, get_pipeline, trigger_pipeline, stop_pipeline, list_pipeline_steps, get_pipeline_step_log, wait_for_pipeline (Cloud only). */
export const PIPELINE_TOOL_CASES: readonly ToolCase[] = [
  {
    name: 'lists the seeded runs newest first, one compact line each',
    tool: 'list_pipelines',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('list_pipelines', REPO);
      const page = structured<Page<Pipeline>>(result);
      expect(page.items.map((p) => p.buildNumber)).toEqual([6, 5, 4, 3, 2, 1]);
      expect(page.items[1]).toMatchObject({
        state: 'COMPLETED',
        result: 'FAILED',
        refName: 'feature/webhook-signatures',
        trigger: 'manual',
        creator: 'Bob Chen',
      });
      expect(page.items[1]?.uuid).toMatch(UUID);
      const lines = env.text(result).split('\n');
      expect(lines).toHaveLength(6);
      expect(lines[1]).toMatch(
        /^#5 FAILED feature\/webhook-signatures@[0-9a-f]{12} \(manual, Bob Chen\) 55s, 2026-03-11T18:00:00.000Z \{[0-9a-f-]{36}\}$/,
      );
      expect(lines[1]?.endsWith(page.items[1]?.uuid ?? '?')).toBe(true);
      expect(lines[4]).toMatch(/^#2 SUCCESSFUL main@[0-9a-f]{12} \(push, Acme CI\) 1m 45s, /);
    },
  },
  {
    name: 'filters by branch and by state or result',
    tool: 'list_pipelines',
    flavors: ['cloud'],
    async run(env) {
      expect(await buildNumbers(env, { ref: 'main' })).toEqual([6, 2, 1]);
      expect(await buildNumbers(env, { status: 'FAILED' })).toEqual([5, 3]);
      expect(await buildNumbers(env, { status: 'COMPLETED', ref: 'feature/refunds' })).toEqual([4]);
      const none = await env.call('list_pipelines', { ...REPO, ref: 'main', status: 'FAILED' });
      expect(structured<Page<Pipeline>>(none).items).toEqual([]);
      expect(env.text(none)).toBe('(nothing)');
    },
  },
  {
    name: 'pages through older runs with a cursor',
    tool: 'list_pipelines',
    flavors: ['cloud'],
    async run(env) {
      const first = structured<Page<Pipeline>>(await env.call('list_pipelines', { ...REPO, limit: 4 }));
      expect(first.items.map((p) => p.buildNumber)).toEqual([6, 5, 4, 3]);
      expect(first.cursor).toEqual(expect.any(String));
      const rest = structured<Page<Pipeline>>(
        await env.call('list_pipelines', { ...REPO, limit: 4, cursor: first.cursor }),
      );
      expect(rest.items.map((p) => p.buildNumber)).toEqual([2, 1]);
      expect(rest.cursor).toBeUndefined();
    },
  },
  {
    name: 'reads a run by build number or by uuid',
    tool: 'get_pipeline',
    flavors: ['cloud'],
    async run(env) {
      const byNumber = await env.call('get_pipeline', { ...REPO, pipeline: 5 });
      const run = structured<Pipeline>(byNumber);
      expect(run).toMatchObject({
        buildNumber: 5,
        state: 'COMPLETED',
        result: 'FAILED',
        refName: 'feature/webhook-signatures',
      });
      expect(env.text(byNumber)).toMatch(/^#5 FAILED feature\/webhook-signatures@/);
      expect(structured<Pipeline>(await env.call('get_pipeline', { ...REPO, pipeline: '#5' }))).toEqual(run);
      expect(structured<Pipeline>(await env.call('get_pipeline', { ...REPO, pipeline: run.uuid }))).toEqual(run);
    },
  },
  {
    name: 'an unknown run is a clear, coded error',
    tool: 'get_pipeline',
    flavors: ['cloud'],
    async run(env) {
      const byUuid = await env.call('get_pipeline', { ...REPO, pipeline: '{00000000-0000-4000-8000-000000000000}' });
      expect(byUuid.isError).toBe(true);
      expect(env.text(byUuid)).toMatch(/BITBUCKET_NOT_FOUND, correlation id [0-9a-f-]{36}/);
      const byNumber = await env.call('get_pipeline', { ...REPO, pipeline: 99 });
      expect(byNumber.isError).toBe(true);
      expect(env.text(byNumber)).toContain('No pipeline #99 among the 500 most recent runs');
      expect(env.text(byNumber)).toContain('BITBUCKET_NOT_FOUND');
    },
  },
  {
    name: 'starts a run of the branch, which list_pipelines then shows first',
    tool: 'trigger_pipeline',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('trigger_pipeline', { ...REPO, ref: 'main' });
      const run = structured<Pipeline>(result);
      expect(run).toMatchObject({ state: 'PENDING', refName: 'main', trigger: 'manual', creator: 'Alice Martin' });
      expect(run.buildNumber).toBeGreaterThan(6);
      expect(env.text(result).split('\n')[0]).toBe(
        `Started pipeline #${run.buildNumber} on main (PENDING). Follow it with wait_for_pipeline or get_pipeline.`,
      );
      const listed = structured<Page<Pipeline>>(await env.call('list_pipelines', { ...REPO, limit: 1 })).items[0];
      expect(listed).toMatchObject({ uuid: run.uuid, buildNumber: run.buildNumber, refName: 'main' });
    },
  },
  {
    name: 'runs a custom pipeline with variables, the secured one masked',
    tool: 'trigger_pipeline',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('trigger_pipeline', {
        ...REPO,
        ref: 'main',
        customPipeline: 'deploy-to-staging',
        variables: [
          { key: 'ENV', value: 'staging' },
          { key: 'TOKEN', value: 's3cret', secured: true },
        ],
      });
      const run = structured<Pipeline>(result);
      expect(JSON.stringify(result)).not.toContain('s3cret');
      const steps = structured<Page<Step>>(
        await env.call('list_pipeline_steps', { ...REPO, pipeline: run.buildNumber }),
      );
      expect(steps.items.map((step) => step.name)).toEqual(['Deploy']);
      const stored = await readFakeCloud<{ variables: unknown[] }>(
        env.fake,
        `/repositories/acme/payments-api/pipelines/${encodeURIComponent(run.uuid)}`,
      );
      expect(stored.variables).toEqual([
        { type: 'pipeline_variable', key: 'ENV', secured: false, value: 'staging' },
        { type: 'pipeline_variable', key: 'TOKEN', secured: true },
      ]);
    },
  },
  {
    name: 'refuses an unknown branch and a malformed variable, naming them',
    tool: 'trigger_pipeline',
    flavors: ['cloud'],
    async run(env) {
      const unknown = await env.call('trigger_pipeline', { ...REPO, ref: 'no-such-branch' });
      expect(unknown.isError).toBe(true);
      expect(env.text(unknown)).toContain('branch no-such-branch not found');
      expect(env.text(unknown)).toContain('BITBUCKET_VALIDATION');
      const malformed = await env.call('trigger_pipeline', {
        ...REPO,
        ref: 'main',
        variables: [{ key: '1ENV', value: 'x' }],
      });
      expect(malformed.isError).toBe(true);
      expect(env.text(malformed)).toContain('variables.0.key has the wrong format');
      expect(await buildNumbers(env)).toEqual([6, 5, 4, 3, 2, 1]);
    },
  },
  {
    name: 'asks for confirmation first, and the run keeps going meanwhile',
    tool: 'stop_pipeline',
    flavors: ['cloud'],
    async run(env) {
      const run = await trigger(env);
      const refused = await env.call('stop_pipeline', { ...REPO, pipeline: run.buildNumber });
      expect(refused.isError).toBe(true);
      expect(env.text(refused)).toContain(`Ask them: "Stop pipeline ${run.buildNumber} of acme/payments-api?"`);
      expect(env.text(refused)).toContain('TOOL_CONFIRMATION_REQUIRED');
      const after = structured<Pipeline>(await env.call('get_pipeline', { ...REPO, pipeline: run.uuid }));
      expect(after.state).not.toBe('COMPLETED');
    },
  },
  {
    name: 'stops a running pipeline once confirmed; get_pipeline then shows it STOPPED',
    tool: 'stop_pipeline',
    flavors: ['cloud'],
    async run(env) {
      const run = await trigger(env);
      const result = await env.call('stop_pipeline', { ...REPO, pipeline: run.uuid, confirm: true });
      expect(result.isError).not.toBe(true);
      expect(structured<Pipeline>(result)).toMatchObject({ uuid: run.uuid, state: 'COMPLETED', result: 'STOPPED' });
      expect(env.text(result).split('\n')[0]).toBe(
        `Stop requested for pipeline #${run.buildNumber}; it is now STOPPED.`,
      );
      const after = structured<Pipeline>(await env.call('get_pipeline', { ...REPO, pipeline: run.buildNumber }));
      expect(after).toMatchObject({ state: 'COMPLETED', result: 'STOPPED' });
      const steps = structured<Page<Step>>(await env.call('list_pipeline_steps', { ...REPO, pipeline: run.uuid }));
      expect(steps.items.map((step) => step.result)).toEqual(expect.arrayContaining(['NOT_RUN']));
    },
  },
  {
    name: 'a completed run cannot be stopped',
    tool: 'stop_pipeline',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('stop_pipeline', { ...REPO, pipeline: 6, confirm: true });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('The pipeline has already completed and cannot be stopped.');
      expect(env.text(result)).toContain('BITBUCKET_VALIDATION');
    },
  },
  {
    name: 'lists the steps of a failed run with their results',
    tool: 'list_pipeline_steps',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('list_pipeline_steps', { ...REPO, pipeline: 5 });
      const steps = structured<Page<Step>>(result).items;
      expect(steps.map((step) => [step.name, step.result])).toEqual([
        ['Lint', 'SUCCESSFUL'],
        ['Test', 'FAILED'],
        ['Build', 'NOT_RUN'],
      ]);
      const lines = env.text(result).split('\n');
      expect(lines[0]).toMatch(/^Lint SUCCESSFUL 20s \{[0-9a-f-]{36}\}$/);
      expect(lines[1]).toMatch(/^Test FAILED 35s \{/);
      expect(lines[2]).toMatch(/^Build NOT_RUN \{/);
    },
  },
  {
    name: 'shows the end of the failed step by default',
    tool: 'get_pipeline_step_log',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('get_pipeline_step_log', { ...REPO, pipeline: 5 });
      expect(result.isError).not.toBe(true);
      expect(structured<{ step: Step }>(result).step).toMatchObject({ name: 'Test', result: 'FAILED' });
      expect(structured<object>(result)).toMatchObject({ fromLine: 1, toLine: 9, totalLines: 9 });
      const text = env.text(result);
      expect(text.split('\n').slice(0, 2)).toEqual([expect.stringMatching(/^Test FAILED 35s /), 'Lines 1–9 of 9:']);
      expect(text).toContain('not ok 3 - cannot cancel a captured payment');
    },
  },
  {
    name: 'greps a step log with context, and tails another, saying what it left out',
    tool: 'get_pipeline_step_log',
    flavors: ['cloud'],
    async run(env) {
      const grep = await env.call('get_pipeline_step_log', { ...REPO, pipeline: 5, grep: 'error', contextLines: 1 });
      expect(structured<object>(grep)).toMatchObject({ matches: 1, fromLine: 5, toLine: 7 });
      expect(env.text(grep)).toContain(
        '5-not ok 3 - cannot cancel a captured payment\n6:Error: expected an exception\n7-Script "npm run test" exited with code 1',
      );
      const tail = await env.call('get_pipeline_step_log', { ...REPO, pipeline: 5, step: 'Lint', maxLines: 2 });
      expect(structured<object>(tail)).toMatchObject({ fromLine: 6, toLine: 7, totalLines: 7 });
      expect(env.text(tail)).toContain('Lines 1–5 are not shown: call again with fromLine 4 and maxLines 2');
      const regex = await env.call('get_pipeline_step_log', {
        ...REPO,
        pipeline: 5,
        grep: '^not ok \\d+',
        regex: true,
        contextLines: 0,
      });
      expect(env.text(regex)).toContain('5:not ok 3 - cannot cancel a captured payment');
    },
  },
  {
    name: 'an unknown step or an invalid pattern is refused clearly',
    tool: 'get_pipeline_step_log',
    flavors: ['cloud'],
    async run(env) {
      const unknown = await env.call('get_pipeline_step_log', { ...REPO, pipeline: 5, step: 'Deploy' });
      expect(unknown.isError).toBe(true);
      expect(env.text(unknown)).toContain('This pipeline has no step "Deploy"; its steps are: Lint, Test, Build.');
      expect(env.text(unknown)).toContain('BITBUCKET_NOT_FOUND');
      const invalid = await env.call('get_pipeline_step_log', { ...REPO, pipeline: 5, grep: '(', regex: true });
      expect(invalid.isError).toBe(true);
      expect(env.text(invalid)).toContain('grep is invalid');
    },
  },
  {
    name: 'waits until a run completes and returns its result and steps',
    tool: 'wait_for_pipeline',
    flavors: ['cloud'],
    async run(env) {
      await env.fake.settings({ pipelinePendingMs: 100, pipelineStepMs: 200 });
      const run = await trigger(env);
      const result = await env.call('wait_for_pipeline', {
        ...REPO,
        pipeline: run.buildNumber,
        pollIntervalSeconds: 1,
      });
      expect(result.isError).not.toBe(true);
      const waited = structured<{ outcome: string; pipeline: Pipeline; steps: Step[]; polls: number }>(result);
      expect(waited).toMatchObject({ outcome: 'completed', pipeline: { uuid: run.uuid, result: 'SUCCESSFUL' } });
      expect(waited.polls).toBeGreaterThan(1);
      expect(waited.steps.map((step) => `${step.name} ${step.result ?? ''}`)).toEqual([
        'Lint SUCCESSFUL',
        'Test SUCCESSFUL',
        'Build SUCCESSFUL',
      ]);
      expect(env.text(result).split('\n')[0]).toMatch(
        new RegExp(`^Pipeline #${run.buildNumber} finished: SUCCESSFUL \\(waited \\d+ s\\)\\.$`),
      );
    },
  },
  {
    name: 'returns the run as it stands when the timeout elapses first',
    tool: 'wait_for_pipeline',
    flavors: ['cloud'],
    async run(env) {
      const run = await trigger(env);
      const result = await env.call('wait_for_pipeline', {
        ...REPO,
        pipeline: run.uuid,
        timeoutSeconds: 1,
        pollIntervalSeconds: 1,
      });
      const waited = structured<{ outcome: string; pipeline: Pipeline }>(result);
      expect(waited.outcome).toBe('timed_out');
      expect(waited.pipeline.state).not.toBe('COMPLETED');
      expect(env.text(result).split('\n')[0]).toMatch(
        new RegExp(
          `^Pipeline #${run.buildNumber} is still (PENDING|IN_PROGRESS) after waiting 1 s: call wait_for_pipeline again`,
        ),
      );
    },
  },
];
