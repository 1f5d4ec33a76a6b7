import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
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
    reviewers: write.reviewers
      .optional()
      .describe(
        'The complete new list of reviewers (replaces the current one; [] removes them all). Cloud nicknames, uuids or account ids; Data Center user slugs.',
      ),
    draft: write.draft.optional().describe('true turns it into a draft; false marks it ready for review.'),
  })
  .strict();
const output = pullRequestDetailView;

const CHANGES = ['title', 'description', 'destinationBranch', 'reviewers', 'draft'] as const;

@McpTool()
@Injectable()
export class UpdatePullRequestTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'update_pull_request',
    title: 'Update pull request',
    description:
      'Changes an open pull request: title, description, destination branch, the list of reviewers (replaced as a whole), or draft status. Only the fields given change. Returns the updated pull request.',
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
