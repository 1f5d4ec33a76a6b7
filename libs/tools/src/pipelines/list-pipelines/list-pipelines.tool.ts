import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
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
    ref: toolArguments.refName.optional().describe('Only pipelines that ran for this branch or tag name.'),
    status: z
      .enum(PIPELINE_STATUSES)
      .optional()
      .describe('Only pipelines in this state (PENDING, IN_PROGRESS, PAUSED, HALTED, COMPLETED) or with this result.'),
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
    title: 'List pipelines',
    description:
      'Lists the Bitbucket Pipelines runs of a repository, newest first, optionally only for one branch or tag and one state or result (e.g. FAILED). One line per run: build number, state or result, ref and commit, trigger, duration, creation time and uuid. Pass the build number or uuid to get_pipeline, list_pipeline_steps or get_pipeline_step_log; use the cursor for older runs.',
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
