import { BitbucketClient, type BbPipeline, type BbPipelineStep, type BbRepositoryRef } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { fitItems } from '../../shared/response-budget';
import { statusWord } from '../../shared/status-word';
import { cancelled } from '../cancelled';
import { pipelineArguments } from '../pipeline-arguments';
import { pipelineLookup } from '../pipeline-lookup';
import { pipelineStepLine, pipelineStepView, toPipelineStepView } from '../pipeline-step-view';
import { pipelineLine, pipelineStateText, pipelineView, toPipelineView } from '../pipeline-view';

const DEFAULT_TIMEOUT_SECONDS = 180;
const DEFAULT_POLL_SECONDS = 5;
/** Time kept before the call's deadline for the last look (two requests to Bitbucket) and the answer. */
const LAST_LOOK_MS = 10000;

const input = z
  .object({
    ...pipelineArguments,
    timeoutSeconds: z
      .number()
      .int()
      .min(1)
      .max(1800)
      .optional()
      .describe(catalogueText('wait_for_pipeline.params.timeoutSeconds', { default: DEFAULT_TIMEOUT_SECONDS })),
    pollIntervalSeconds: z
      .number()
      .int()
      .min(1)
      .max(60)
      .optional()
      .describe(catalogueText('wait_for_pipeline.params.pollIntervalSeconds', { default: DEFAULT_POLL_SECONDS })),
  })
  .strict();
const output = z.object({
  outcome: z.enum(['completed', 'paused', 'timed_out']).describe(catalogueText('wait_for_pipeline.output.outcome')),
  pipeline: pipelineView,
  steps: z.array(pipelineStepView),
  polls: z.number().int().describe(catalogueText('wait_for_pipeline.output.polls')),
  waitedSeconds: z.number().int(),
  truncated: z.string().optional().describe(catalogueText('wait_for_pipeline.output.truncated')),
});

type Output = z.output<typeof output>;
type Outcome = Output['outcome'];

/** The step a run is at: the running one, else the next to run. */
function currentStep(steps: readonly BbPipelineStep[]): { step: BbPipelineStep; index: number } | undefined {
  const running = steps.findIndex((step) => step.status === 'IN_PROGRESS');
  const at = running >= 0 ? running : steps.findIndex((step) => step.status !== 'COMPLETED');
  const step = steps[at];
  return step === undefined ? undefined : { step, index: at + 1 };
}

@McpTool()
@Injectable()
export class WaitForPipelineTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'wait_for_pipeline',
    title: catalogueText('wait_for_pipeline.title'),
    description: catalogueText('wait_for_pipeline.description'),
    toolset: 'pipelines',
    input,
    output,
    hints: TOOL_HINTS.read,
    requires: ['pipelines'],
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Output> {
    const repo = { workspace: args.workspace, repo: args.repo };
    const uuid = await pipelineLookup.uuid(this.bitbucket, repo, args.pipeline, context);
    const started = Date.now();
    // Waiting ends in time to answer the run as it stands before the call's deadline (MCP_TOOL_TIMEOUT_MS).
    const timeoutMs = Math.min(
      (args.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
      Math.max(0, context.deadline - LAST_LOOK_MS - started),
    );
    const intervalMs = (args.pollIntervalSeconds ?? DEFAULT_POLL_SECONDS) * 1000;
    let logged = '';
    for (let poll = 1; ; poll += 1) {
      const [pipeline, steps] = await this.look(repo, uuid, context);
      const elapsedMs = Date.now() - started;
      const outcome: Outcome | undefined =
        pipeline.status === 'COMPLETED'
          ? 'completed'
          : pipeline.status === 'PAUSED'
            ? 'paused'
            : elapsedMs >= timeoutMs
              ? 'timed_out'
              : undefined;
      const look = this.describe(pipeline, steps, elapsedMs, context);
      if (look.state !== logged) await context.log('info', look.message);
      logged = look.state;
      if (outcome !== undefined) return this.answer(outcome, pipeline, steps, poll, elapsedMs, context);
      // The last look is the result itself: a progress notification sent just before it would race
      // with it (SDK clients drop progress that arrives with, or after, the response).
      await context.progress(poll, undefined, look.message);
      await this.pause(Math.min(intervalMs, timeoutMs - elapsedMs), context.signal);
    }
  }

  render(result: Output, context: ToolContext): string {
    const params = {
      buildNumber: result.pipeline.buildNumber,
      state: pipelineStateText(result.pipeline, context),
      waited: result.waitedSeconds,
    };
    const key = {
      completed: 'tools.PIPELINE_WAIT_COMPLETED',
      paused: 'tools.PIPELINE_WAIT_PAUSED',
      timed_out: 'tools.PIPELINE_WAIT_TIMED_OUT',
    }[result.outcome];
    return [
      context.t(key, params),
      pipelineLine(result.pipeline, context),
      ...result.steps.map((step) => pipelineStepLine(step, context)),
      ...(result.truncated === undefined ? [] : [result.truncated]),
    ].join('\n');
  }

  private async look(
    repo: BbRepositoryRef,
    uuid: string,
    context: ToolContext,
  ): Promise<[BbPipeline, readonly BbPipelineStep[]]> {
    return Promise.all([
      this.bitbucket.getPipeline(repo, { uuid }, { signal: context.signal }),
      pipelineLookup.steps(this.bitbucket, repo, uuid, context),
    ]);
  }

  /** What a look saw, as the progress and log message say it, and as a key that changes with the state or step. */
  private describe(
    pipeline: BbPipeline,
    steps: readonly BbPipelineStep[],
    elapsedMs: number,
    context: ToolContext,
  ): { message: string; state: string } {
    const current = pipeline.status === 'COMPLETED' ? undefined : currentStep(steps);
    const params = {
      buildNumber: pipeline.buildNumber,
      state: pipelineStateText(toPipelineView(pipeline), context),
      elapsed: Math.round(elapsedMs / 1000),
      ...(current === undefined
        ? {}
        : {
            step: current.step.name,
            stepState: statusWord('PIPELINE', current.step.status, context),
            index: current.index,
            count: steps.length,
          }),
    };
    const key = current === undefined ? 'tools.PIPELINE_WAIT_PROGRESS' : 'tools.PIPELINE_WAIT_PROGRESS_STEP';
    return {
      message: context.t(key, params),
      state: `${params.state} ${current?.step.name ?? ''} ${current?.step.status ?? ''}`,
    };
  }

  private answer(
    outcome: Outcome,
    pipeline: BbPipeline,
    steps: readonly BbPipelineStep[],
    polls: number,
    elapsedMs: number,
    context: ToolContext,
  ): Output {
    const { kept, omitted } = fitItems(
      steps.map(toPipelineStepView),
      (step) => pipelineStepLine(step, context),
      context.budgetChars,
    );
    return {
      outcome,
      pipeline: toPipelineView(pipeline),
      steps: kept,
      polls,
      waitedSeconds: Math.round(elapsedMs / 1000),
      ...(omitted === 0 ? {} : { truncated: context.t('tools.PIPELINE_STEPS_OMITTED', { omitted }) }),
    };
  }

  /** The wait between two looks; a cancellation ends it at once, as it does an upstream call. */
  private async pause(ms: number, signal: AbortSignal): Promise<void> {
    try {
      await sleep(ms, undefined, { signal });
    } catch (error) {
      if (!signal.aborted) throw error;
      throw cancelled('Waiting for a pipeline', error);
    }
  }
}
