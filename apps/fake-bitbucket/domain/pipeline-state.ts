import type { FakePipeline, FakePipelineStep } from '../dataset/fake-pipeline';

export type PipelineStatus = 'PENDING' | 'IN_PROGRESS' | 'COMPLETED';
export type PipelineResult = 'SUCCESSFUL' | 'FAILED' | 'STOPPED';
export type StepStatus = 'PENDING' | 'READY' | 'IN_PROGRESS' | 'COMPLETED';
export type StepResult = 'SUCCESSFUL' | 'FAILED' | 'STOPPED' | 'NOT_RUN';

export interface StepState {
  readonly step: FakePipelineStep;
  readonly status: StepStatus;
  readonly result?: StepResult;
  readonly startedOn?: Date;
  readonly completedOn?: Date;
  /** Log lines written so far (all of them once the step completed). */
  readonly log: readonly string[];
}

export interface PipelineState {
  readonly status: PipelineStatus;
  readonly result?: PipelineResult;
  readonly completedOn?: Date;
  readonly durationSeconds: number;
  readonly steps: readonly StepState[];
}

/**
 * Where a pipeline stands at `now`: PENDING for `pendingMs`, then each step for its duration; a failed
 * step ends the run and the later ones are NOT_RUN; a stop ends it at the stop time.
 */
export function pipelineState(pipeline: FakePipeline, now: Date): PipelineState {
  const stop = pipeline.stoppedAt?.getTime();
  const end = Math.min(now.getTime(), stop ?? Number.POSITIVE_INFINITY);
  let cursor = pipeline.createdAt.getTime() + pipeline.pendingMs;
  let finished: { result: PipelineResult; at: number } | undefined;
  const steps: StepState[] = [];
  for (const step of pipeline.steps) {
    if (finished !== undefined || cursor > end) {
      const notRun = finished !== undefined || stop !== undefined;
      steps.push({ step, status: notRun ? 'COMPLETED' : 'PENDING', ...(notRun ? { result: 'NOT_RUN' } : {}), log: [] });
      continue;
    }
    const stepEnd = cursor + step.durationMs;
    const fraction = Math.min(1, (end - cursor) / Math.max(1, step.durationMs));
    const log = step.log.slice(0, Math.ceil(step.log.length * fraction));
    if (stepEnd <= end) {
      steps.push({
        step,
        status: 'COMPLETED',
        result: step.result,
        startedOn: new Date(cursor),
        completedOn: new Date(stepEnd),
        log: step.log,
      });
      if (step.result === 'FAILED') finished = { result: 'FAILED', at: stepEnd };
    } else if (stop !== undefined && stop <= now.getTime()) {
      steps.push({
        step,
        status: 'COMPLETED',
        result: 'STOPPED',
        startedOn: new Date(cursor),
        completedOn: new Date(stop),
        log,
      });
      finished = { result: 'STOPPED', at: stop };
    } else {
      steps.push({ step, status: 'IN_PROGRESS', startedOn: new Date(cursor), log });
    }
    cursor = stepEnd;
  }
  if (finished === undefined && stop !== undefined && stop <= now.getTime()) finished = { result: 'STOPPED', at: stop };
  if (finished === undefined && steps.every((s) => s.status === 'COMPLETED'))
    finished = { result: 'SUCCESSFUL', at: cursor };
  const started = pipeline.createdAt.getTime() + pipeline.pendingMs;
  const status: PipelineStatus = finished !== undefined ? 'COMPLETED' : end < started ? 'PENDING' : 'IN_PROGRESS';
  const lastInstant = finished?.at ?? end;
  return {
    status,
    ...(finished === undefined ? {} : { result: finished.result, completedOn: new Date(finished.at) }),
    durationSeconds: Math.max(0, Math.round((lastInstant - started) / 1000)),
    steps,
  };
}
