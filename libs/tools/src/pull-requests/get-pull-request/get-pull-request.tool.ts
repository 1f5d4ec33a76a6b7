import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import {
  pullRequestDetailView,
  renderPullRequestDetail,
  toPullRequestDetail,
  type PullRequestDetailView,
} from '../pull-request-detail-view';

const input = z
  .object({
    ...pullRequestArguments,
    descriptionFromLine: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Continue a cut description from this line (as told by the previous answer).'),
  })
  .strict();
const output = pullRequestDetailView;

@McpTool()
@Injectable()
export class GetPullRequestTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'get_pull_request',
    title: 'Get pull request',
    description:
      'Returns one pull request: state, draft, title, author, source and destination branches with their head commits, reviewers and participants with their review status, comment and open task counts, who merged or declined it and the merge commit, and the description (cut to the response budget, with the descriptionFromLine that continues it). Next: get_pull_request_diffstat and get_pull_request_diff for the changes, list_pull_request_comments for the discussion.',
    toolset: 'pull-requests',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<PullRequestDetailView> {
    const pr = await this.bitbucket.getPullRequest(
      repositoryRef(args),
      { id: args.pullRequestId },
      { signal: context.signal },
    );
    return toPullRequestDetail(pr, context, args.descriptionFromLine);
  }

  render(view: PullRequestDetailView, context: ToolContext): string {
    return renderPullRequestDetail(view, context);
  }
}
