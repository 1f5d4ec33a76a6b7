import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
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
    title: catalogueText('get_pipeline.title'),
    description: catalogueText('get_pipeline.description'),
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
