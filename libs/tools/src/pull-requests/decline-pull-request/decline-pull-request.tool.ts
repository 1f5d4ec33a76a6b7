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
    reason: z.string().min(1).max(5000).optional().describe(catalogueText('decline_pull_request.params.reason')),
    confirm: confirmArgument,
  })
  .strict();
const output = pullRequestDetailView;

@McpTool()
@Injectable()
export class DeclinePullRequestTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'decline_pull_request',
    title: catalogueText('decline_pull_request.title'),
    description: catalogueText('decline_pull_request.description'),
    toolset: 'pull-requests',
    input,
    output,
    hints: TOOL_HINTS.destructive,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<PullRequestDetailView> {
    const pr = await this.bitbucket.declinePullRequest(
      repositoryRef(args),
      { id: args.pullRequestId, ...(args.reason === undefined ? {} : { reason: args.reason }) },
      { signal: context.signal },
    );
    return toPullRequestDetail(pr, context);
  }

  render(view: PullRequestDetailView, context: ToolContext): string {
    return `${context.t('tools.PR_DECLINED', { id: view.id })}\n${renderPullRequestDetail(view, context)}`;
  }
}
