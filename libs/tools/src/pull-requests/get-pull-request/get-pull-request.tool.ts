import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
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
      .describe(catalogueText('get_pull_request.params.descriptionFromLine')),
  })
  .strict();
const output = pullRequestDetailView;

@McpTool()
@Injectable()
export class GetPullRequestTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'get_pull_request',
    title: catalogueText('get_pull_request.title'),
    description: catalogueText('get_pull_request.description'),
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
