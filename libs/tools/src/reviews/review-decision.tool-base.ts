import { BitbucketClient, type BbRepositoryRef, type CallOptions } from '@app/bitbucket';
import { TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { pullRequestArguments, repositoryRef } from '../shared/pull-request-arguments';

const input = z.object(pullRequestArguments).strict();
const output = z.object({
  workspace: z.string(),
  repo: z.string(),
  pullRequestId: z.number().int(),
  review: z
    .enum(['approved', 'unapproved', 'changes_requested'])
    .describe(catalogueText('output.reviewDecision.review')),
});
type ReviewDecision = z.output<typeof output>['review'];

const MESSAGE: Readonly<Record<ReviewDecision, string>> = {
  approved: 'tools.REVIEW_APPROVED',
  unapproved: 'tools.REVIEW_UNAPPROVED',
  changes_requested: 'tools.REVIEW_CHANGES_REQUESTED',
};

/**
 * approve_pull_request, unapprove_pull_request and request_changes: one decision of the caller on a
 * pull request. Setting a review to a state is idempotent; the subclass names the decision and the
 * gateway call that records it.
 */
@Injectable()
export abstract class ReviewDecisionTool extends ToolHandler<typeof input, typeof output> {
  protected abstract readonly decision: ReviewDecision;

  constructor(protected readonly bitbucket: BitbucketClient) {
    super();
  }

  /** The definition of a review decision tool: the shared schemas and hints, its own name and words. */
  protected static define(
    definition: Pick<ToolDefinition, 'name' | 'title' | 'description'>,
  ): ToolDefinition<typeof input, typeof output> {
    return { ...definition, toolset: 'reviews', input, output, hints: TOOL_HINTS.idempotentWrite };
  }

  protected abstract submit(repo: BbRepositoryRef, id: number, options: CallOptions): Promise<void>;

  async run(args: z.output<typeof input>, context: ToolContext): Promise<z.output<typeof output>> {
    await this.submit(repositoryRef(args), args.pullRequestId, { signal: context.signal });
    return { workspace: args.workspace, repo: args.repo, pullRequestId: args.pullRequestId, review: this.decision };
  }

  render(result: z.output<typeof output>, context: ToolContext): string {
    return context.t(MESSAGE[result.review], {
      id: result.pullRequestId,
      workspace: result.workspace,
      repo: result.repo,
    });
  }
}
