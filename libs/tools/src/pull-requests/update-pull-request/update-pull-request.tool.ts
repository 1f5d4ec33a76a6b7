import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import { ToolArgumentsException } from '../../shared/tool-arguments.exception';
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
    ...pullRequestArguments,
    title: write.title.optional(),
    description: write.description.optional(),
    destinationBranch: write.destinationBranch.optional(),
    reviewers: write.reviewers.optional().describe(catalogueText('update_pull_request.params.reviewers')),
    draft: write.draft.optional().describe(catalogueText('update_pull_request.params.draft')),
  })
  .strict();
const output = pullRequestDetailView;

const CHANGES = ['title', 'description', 'destinationBranch', 'reviewers', 'draft'] as const;

@McpTool()
@Injectable()
export class UpdatePullRequestTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'update_pull_request',
    title: catalogueText('update_pull_request.title'),
    description: catalogueText('update_pull_request.description'),
    toolset: 'pull-requests',
    input,
    output,
    hints: TOOL_HINTS.idempotentWrite,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<PullRequestDetailView> {
    if (CHANGES.every((field) => args[field] === undefined)) {
      throw new ToolArgumentsException(
        this.definition.name,
        context.t('tools.PR_NOTHING_TO_UPDATE', { fields: CHANGES.join(', ') }),
      );
    }
    const pr = await this.bitbucket.updatePullRequest(
      repositoryRef(args),
      {
        id: args.pullRequestId,
        ...(args.title === undefined ? {} : { title: args.title }),
        ...pullRequestWriteFields(args),
      },
      { signal: context.signal },
    );
    return toPullRequestDetail(pr, context);
  }

  render(view: PullRequestDetailView, context: ToolContext): string {
    return `${context.t('tools.PR_UPDATED', { id: view.id })}\n${renderPullRequestDetail(view, context)}`;
  }
}
