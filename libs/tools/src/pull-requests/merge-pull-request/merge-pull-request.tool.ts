import { BitbucketClient, type MergeStrategy } from '@app/bitbucket';
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
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import {
  pullRequestDetailView,
  renderPullRequestDetail,
  toPullRequestDetail,
  type PullRequestDetailView,
} from '../pull-request-detail-view';

const STRATEGIES = ['merge_commit', 'squash', 'fast_forward'] as const satisfies readonly MergeStrategy[];

const input = z
  .object({
    ...pullRequestArguments,
    strategy: z.enum(STRATEGIES).optional().describe(catalogueText('merge_pull_request.params.strategy')),
    message: z.string().min(1).max(5000).optional().describe(catalogueText('merge_pull_request.params.message')),
    closeSourceBranch: z.boolean().optional().describe(catalogueText('merge_pull_request.params.closeSourceBranch')),
    confirm: confirmArgument,
  })
  .strict();
const output = pullRequestDetailView;

@McpTool()
@Injectable()
export class MergePullRequestTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'merge_pull_request',
    title: catalogueText('merge_pull_request.title'),
    description: catalogueText('merge_pull_request.description'),
    toolset: 'pull-requests',
    input,
    output,
    hints: TOOL_HINTS.destructive,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<PullRequestDetailView> {
    const pr = await this.bitbucket.mergePullRequest(
      repositoryRef(args),
      {
        id: args.pullRequestId,
        ...(args.strategy === undefined ? {} : { strategy: args.strategy }),
        ...(args.message === undefined ? {} : { message: args.message }),
        ...(args.closeSourceBranch === undefined ? {} : { closeSourceBranch: args.closeSourceBranch }),
      },
      { signal: context.signal },
    );
    return toPullRequestDetail(pr, context);
  }

  render(view: PullRequestDetailView, context: ToolContext): string {
    return `${context.t('tools.PR_MERGED', { id: view.id })}\n${renderPullRequestDetail(view, context)}`;
  }
}
