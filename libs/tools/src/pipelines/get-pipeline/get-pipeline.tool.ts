import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { pipelineArguments } from '../pipeline-arguments';
import { pipelineLookup } from '../pipeline-lookup';
import { pipelineLine, pipelineView, toPipelineView, type PipelineView } from '../pipeline-view';

const input = z.object(pipelineArguments).strict();
const output = pipelineView;

@McpTool()
@Injectable()
export class GetPipelineTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'get_pipeline',
    title: 'Get pipeline',
    description:
      'Returns one Bitbucket Pipelines run, by build number or uuid: its state and result, ref and commit, trigger, creator, times and duration. For its steps use list_pipeline_steps; to wait for it to finish use wait_for_pipeline.',
    toolset: 'pipelines',
    input,
    output,
    hints: TOOL_HINTS.read,
    requires: ['pipelines'],
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<PipelineView> {
    const repo = { workspace: args.workspace, repo: args.repo };
    return toPipelineView(await pipelineLookup.find(this.bitbucket, repo, args.pipeline, context));
  }

  render(pipeline: PipelineView, context: ToolContext): string {
    return pipelineLine(pipeline, context);
  }
}
