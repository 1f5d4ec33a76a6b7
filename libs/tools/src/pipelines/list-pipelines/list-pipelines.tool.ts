import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { toolArguments } from '../../shared/tool-arguments';
import { pipelineLine, pipelineView, toPipelineView, type PipelineView } from '../pipeline-view';

const PIPELINE_STATUSES = [
  'PENDING',
  'IN_PROGRESS',
  'PAUSED',
  'HALTED',
  'COMPLETED',
  'SUCCESSFUL',
  'FAILED',
  'ERROR',
  'STOPPED',
  'EXPIRED',
] as const;

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    ref: toolArguments.refName.optional().describe(catalogueText('list_pipelines.params.ref')),
    status: z.enum(PIPELINE_STATUSES).optional().describe(catalogueText('list_pipelines.params.status')),
    cursor: toolArguments.cursor,
    limit: toolArguments.limit,
  })
  .strict();
const output = pageOutput(pipelineView);

@McpTool()
@Injectable()
export class ListPipelinesTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'list_pipelines',
    title: catalogueText('list_pipelines.title'),
    description: catalogueText('list_pipelines.description'),
    toolset: 'pipelines',
    input,
    output,
    hints: TOOL_HINTS.read,
    requires: ['pipelines'],
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<PipelineView>> {
    const page = await this.bitbucket.listPipelines(
      { workspace: args.workspace, repo: args.repo },
      {
        ...(args.ref === undefined ? {} : { ref: args.ref }),
        ...(args.status === undefined ? {} : { status: args.status }),
      },
      pageOptions(args, context),
    );
    return toListing(page, toPipelineView, (pipeline) => pipelineLine(pipeline, context), context);
  }

  render(listing: Listing<PipelineView>, context: ToolContext): string {
    return renderListing(listing, (pipeline) => pipelineLine(pipeline, context), context);
  }
}
