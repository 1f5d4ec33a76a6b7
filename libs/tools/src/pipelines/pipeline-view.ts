import type { BbPipeline } from '@app/bitbucket';
import type { ToolContext } from '@app/mcp';
import { z } from 'zod';
import { statusWord } from '../shared/status-word';
import { durationText } from './duration-text';
import { catalogueText } from '@app/mcp';

export const pipelineView = z.object({
  uuid: z.string().describe(catalogueText('output.pipeline.uuid')),
  buildNumber: z.number().int(),
  state: z.string().describe(catalogueText('output.pipeline.state')),
  result: z.string().optional().describe(catalogueText('output.pipeline.result')),
  refType: z.string().optional(),
  refName: z.string().optional(),
  commit: z.string().optional(),
  trigger: z.string().optional().describe(catalogueText('output.pipeline.trigger')),
  creator: z.string().optional().describe(catalogueText('output.pipeline.creator')),
  createdOn: z.string(),
  completedOn: z.string().optional(),
  durationSeconds: z.number().optional(),
});

export type PipelineView = z.output<typeof pipelineView>;

export function toPipelineView(pipeline: BbPipeline): PipelineView {
  return {
    uuid: pipeline.uuid,
    buildNumber: pipeline.buildNumber,
    state: pipeline.status,
    ...(pipeline.result === undefined ? {} : { result: pipeline.result }),
    ...(pipeline.refType === undefined ? {} : { refType: pipeline.refType }),
    ...(pipeline.refName === undefined ? {} : { refName: pipeline.refName }),
    ...(pipeline.commit === undefined ? {} : { commit: pipeline.commit }),
    ...(pipeline.trigger === undefined ? {} : { trigger: pipeline.trigger }),
    ...(pipeline.creator === undefined ? {} : { creator: pipeline.creator.displayName }),
    createdOn: pipeline.createdOn,
    ...(pipeline.completedOn === undefined ? {} : { completedOn: pipeline.completedOn }),
    ...(pipeline.durationSeconds === undefined ? {} : { durationSeconds: pipeline.durationSeconds }),
  };
}

/** The result once completed, else the state: what a reader wants to know first, in the answer's language. */
export function pipelineStateText(pipeline: Pick<PipelineView, 'state' | 'result'>, context: ToolContext): string {
  return statusWord('PIPELINE', pipeline.result ?? pipeline.state, context);
}

/** `#6 FAILED main@1a2b3c4d5e6f (push, CI Bot) 1m 05s, 2026-03-02T10:00:00Z {uuid}`: the date is the creation. */
export function pipelineLine(pipeline: PipelineView, context: ToolContext): string {
  const ref = [pipeline.refName, pipeline.commit?.slice(0, 12)].filter((part) => part !== undefined).join('@');
  const trigger =
    pipeline.trigger === undefined ? undefined : statusWord('PIPELINE_TRIGGER', pipeline.trigger, context);
  const origin = [trigger, pipeline.creator].filter((part) => part !== undefined);
  const duration = pipeline.durationSeconds === undefined ? '' : `${durationText(pipeline.durationSeconds, context)}, `;
  return [
    `#${pipeline.buildNumber}`,
    pipelineStateText(pipeline, context),
    ref === '' ? '-' : ref,
    ...(origin.length === 0 ? [] : [`(${origin.join(', ')})`]),
    `${duration}${pipeline.createdOn}`,
    pipeline.uuid,
  ].join(' ');
}
