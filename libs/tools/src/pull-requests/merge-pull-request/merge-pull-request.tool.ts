import { BitbucketClient, type MergeStrategy } from '@app/bitbucket';
import { confirmArgument, McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
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
    strategy: z
      .enum(STRATEGIES)
      .optional()
      .describe(
        'merge_commit (default): a merge commit; squash: one commit with all the changes; fast_forward: move the destination to the source head (fails when the destination has moved on).',
      ),
    message: z.string().min(1).max(5000).optional().describe('Commit message of the merge or squash commit.'),
    closeSourceBranch: z
      .boolean()
      .optional()
      .describe(
        "Bitbucket Cloud: delete the source branch after merging (default: the pull request's own setting). Data Center refuses it: delete the branch afterwards instead.",
      ),
    confirm: confirmArgument,
  })
  .strict();
const output = pullRequestDetailView;

@McpTool()
@Injectable()
export class MergePullRequestTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'merge_pull_request',
    title: 'Merge pull request',
    description:
      'Merges an open pull request into its destination branch with a strategy (merge_commit, squash or fast_forward) and optional commit message, optionally deleting the source branch. Irreversible: the user must agree. Bitbucket refuses drafts, conflicts and unmet merge checks with the reason. Returns the merged pull request with its merge commit.',
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
