import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { toolArguments } from '../../shared/tool-arguments';
import { pipelineArguments } from '../pipeline-arguments';
import { pipelineLookup } from '../pipeline-lookup';
import { pipelineStepLine, pipelineStepView, toPipelineStepView, type PipelineStepView } from '../pipeline-step-view';

const input = z
  .object({
    ...pipelineArguments,
    cursor: toolArguments.cursor,
    limit: toolArguments.limit,
  })
  .strict();
const output = pageOutput(pipelineStepView);

@McpTool()
@Injectable()
export class ListPipelineStepsTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'list_pipeline_steps',
    title: catalogueText('list_pipeline_steps.title'),
    description: catalogueText('list_pipeline_steps.description'),
    toolset: 'pipelines',
    input,
    output,
    hints: TOOL_HINTS.read,
    requires: ['pipelines'],
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<PipelineStepView>> {
    const repo = { workspace: args.workspace, repo: args.repo };
    const uuid = await pipelineLookup.uuid(this.bitbucket, repo, args.pipeline, context);
    const page = await this.bitbucket.listPipelineSteps(repo, { uuid }, pageOptions(args, context));
    return toListing(page, toPipelineStepView, (step) => pipelineStepLine(step, context), context);
  }

  render(listing: Listing<PipelineStepView>, context: ToolContext): string {
    return renderListing(listing, (step) => pipelineStepLine(step, context), context);
  }
}
