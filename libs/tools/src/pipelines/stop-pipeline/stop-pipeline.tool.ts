import { BitbucketClient } from '@app/bitbucket';
import {
  confirmArgument,
  McpTool,
  TOOL_HINTS,
  ToolHandler,
  catalogueText,
  type ToolContext,
  type ToolDefinition,
} from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { pipelineArguments } from '../pipeline-arguments';
import { pipelineLookup } from '../pipeline-lookup';
import { pipelineLine, pipelineStateText, pipelineView, toPipelineView, type PipelineView } from '../pipeline-view';

const input = z
  .object({
    ...pipelineArguments,
    confirm: confirmArgument,
  })
  .strict();
const output = pipelineView;

@McpTool()
@Injectable()
export class StopPipelineTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'stop_pipeline',
    title: catalogueText('stop_pipeline.title'),
    description: catalogueText('stop_pipeline.description'),
    toolset: 'pipelines',
    input,
    output,
    hints: TOOL_HINTS.destructive,
    requires: ['pipelines'],
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<PipelineView> {
    const repo = { workspace: args.workspace, repo: args.repo };
    const uuid = await pipelineLookup.uuid(this.bitbucket, repo, args.pipeline, context);
    await this.bitbucket.stopPipeline(repo, { uuid }, { signal: context.signal });
    return toPipelineView(await this.bitbucket.getPipeline(repo, { uuid }, { signal: context.signal }));
  }

  render(pipeline: PipelineView, context: ToolContext): string {
    return [
      context.t('tools.PIPELINE_STOPPED', {
        buildNumber: pipeline.buildNumber,
        state: pipelineStateText(pipeline, context),
      }),
      pipelineLine(pipeline, context),
    ].join('\n');
  }
}
