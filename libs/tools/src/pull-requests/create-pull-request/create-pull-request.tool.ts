import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
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
    sourceBranch: toolArguments.refName.describe('Branch holding the changes.'),
    destinationBranch: write.destinationBranch
      .optional()
      .describe("Branch the changes are to be merged into (default: the repository's default branch)."),
    reviewers: write.reviewers.optional(),
    draft: write.draft.optional(),
    closeSourceBranch: z.boolean().optional().describe('Delete the source branch once the pull request is merged.'),
  })
  .strict();
const output = pullRequestDetailView;

@McpTool()
@Injectable()
export class CreatePullRequestTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'create_pull_request',
    title: 'Create pull request',
    description:
      'Opens a pull request from a source branch into a destination branch (the default branch unless given), optionally with reviewers, as a draft, or closing the source branch on merge. Returns the new pull request with its id. Bitbucket refuses a second open pull request between the same branches, and a source with no changes.',
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
