import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { repositoryRef } from '../../shared/pull-request-arguments';
import { toolArguments } from '../../shared/tool-arguments';
import {
  pullRequestDetailView,
  renderPullRequestDetail,
  toPullRequestDetail,
  type PullRequestDetailView,
} from '../pull-request-detail-view';
import { pullRequestWriteArguments as write } from '../pull-request-write-arguments';
import { pullRequestWriteFields } from '../pull-request-write-fields';

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    title: write.title,
    description: write.description.optional(),
    sourceBranch: toolArguments.refName.describe(catalogueText('create_pull_request.params.sourceBranch')),
    destinationBranch: write.destinationBranch
      .optional()
      .describe(catalogueText('create_pull_request.params.destinationBranch')),
    reviewers: write.reviewers.optional(),
    draft: write.draft.optional(),
    closeSourceBranch: z.boolean().optional().describe(catalogueText('create_pull_request.params.closeSourceBranch')),
  })
  .strict();
const output = pullRequestDetailView;

@McpTool()
@Injectable()
export class CreatePullRequestTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'create_pull_request',
    title: catalogueText('create_pull_request.title'),
    description: catalogueText('create_pull_request.description'),
    toolset: 'pull-requests',
    input,
    output,
    hints: TOOL_HINTS.write,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<PullRequestDetailView> {
    const pr = await this.bitbucket.createPullRequest(
      repositoryRef(args),
      {
        title: args.title,
        sourceBranch: args.sourceBranch,
        ...pullRequestWriteFields(args),
        ...(args.closeSourceBranch === undefined ? {} : { closeSourceBranch: args.closeSourceBranch }),
      },
      { signal: context.signal },
    );
    return toPullRequestDetail(pr, context);
  }

  render(view: PullRequestDetailView, context: ToolContext): string {
    return `${context.t('tools.PR_CREATED', { id: view.id })}\n${renderPullRequestDetail(view, context)}`;
  }
}
