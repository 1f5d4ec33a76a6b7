import type { BbPipelineStep } from '@app/bitbucket';
import type { ToolContext } from '@app/mcp';
import { z } from 'zod';
import { statusWord } from '../shared/status-word';
import { durationText } from './duration-text';
import { catalogueText } from '@app/mcp';

export const pipelineStepView = z.object({
  uuid: z.string().describe(catalogueText('output.pipelineStep.uuid')),
  name: z.string(),
  state: z.string().describe(catalogueText('output.pipelineStep.state')),
  result: z.string().optional().describe(catalogueText('output.pipelineStep.result')),
  startedOn: z.string().optional(),
  completedOn: z.string().optional(),
  durationSeconds: z.number().optional(),
});

export type PipelineStepView = z.output<typeof pipelineStepView>;

export function toPipelineStepView(step: BbPipelineStep): PipelineStepView {
  return {
    uuid: step.uuid,
    name: step.name,
    state: step.status,
    ...(step.result === undefined ? {} : { result: step.result }),
    ...(step.startedOn === undefined ? {} : { startedOn: step.startedOn }),
    ...(step.completedOn === undefined ? {} : { completedOn: step.completedOn }),
    ...(step.durationSeconds === undefined ? {} : { durationSeconds: step.durationSeconds }),
  };
}

/** `Test FAILED 35s {uuid}` */
export function pipelineStepLine(step: PipelineStepView, context: ToolContext): string {
  const duration =
    step.startedOn === undefined || step.durationSeconds === undefined
      ? []
      : [durationText(step.durationSeconds, context)];
  return [step.name, statusWord('PIPELINE', step.result ?? step.state, context), ...duration, step.uuid].join(' ');
}
