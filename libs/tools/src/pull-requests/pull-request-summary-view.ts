import type { BbPullRequest } from '@app/bitbucket';
import type { ToolContext } from '@app/mcp';
import { z } from 'zod';
import { catalogueText } from '@app/mcp';
import { statusWord } from '../shared/status-word';

export const pullRequestState = z.enum(['OPEN', 'MERGED', 'DECLINED', 'SUPERSEDED']);

export const pullRequestSummaryView = z.object({
  id: z.number().int(),
  title: z.string(),
  state: pullRequestState,
  draft: z.boolean(),
  author: z.string().describe(catalogueText('output.pullRequestSummary.author')),
  source: z.string().describe(catalogueText('output.pullRequestSummary.source')),
  destination: z.string().describe(catalogueText('output.pullRequestSummary.destination')),
  reviewers: z.number().int().describe(catalogueText('output.pullRequestSummary.reviewers')),
  approvals: z.number().int().describe(catalogueText('output.pullRequestSummary.approvals')),
  changesRequested: z.number().int().describe(catalogueText('output.pullRequestSummary.changesRequested')),
  updatedOn: z.string(),
});

export type PullRequestSummaryView = z.output<typeof pullRequestSummaryView>;

/** The source branch as a reviewer reads it: prefixed with its repository when it is a fork. */
function sourceOf(pr: BbPullRequest): string {
  return pr.sourceRepository === undefined ? pr.sourceBranch : `${pr.sourceRepository}:${pr.sourceBranch}`;
}

export function toPullRequestSummary(pr: BbPullRequest): PullRequestSummaryView {
  return {
    id: pr.id,
    title: pr.title,
    state: pr.state,
    draft: pr.draft,
    author: pr.author.name,
    source: sourceOf(pr),
    destination: pr.destinationBranch,
    reviewers: pr.reviewers.filter((reviewer) => reviewer.role === 'reviewer').length,
    approvals: pr.reviewers.filter((reviewer) => reviewer.status === 'approved').length,
    changesRequested: pr.reviewers.filter((reviewer) => reviewer.status === 'changes_requested').length,
    updatedOn: pr.updatedOn,
  };
}

/** `OPEN`, or `OPEN (draft)`. */
export function stateText(state: string, draft: boolean, context: ToolContext): string {
  const word = statusWord('PR_STATE', state, context);
  return draft ? context.t('tools.PR_STATE_DRAFT', { state: word }) : word;
}

/** `#3 OPEN "Add refund endpoint" by carol (feature/refunds → main), 1/2 approved, updated 2026-03-05` */
export function pullRequestLine(pr: PullRequestSummaryView, context: ToolContext): string {
  const review = [
    context.t('tools.PR_REVIEW_SUMMARY', { approvals: pr.approvals, reviewers: pr.reviewers }),
    ...(pr.changesRequested === 0 ? [] : [context.t('tools.PR_CHANGES_REQUESTED', { count: pr.changesRequested })]),
  ].join(', ');
  return context.t('tools.PR_LINE', {
    id: pr.id,
    state: stateText(pr.state, pr.draft, context),
    title: pr.title,
    author: pr.author,
    source: pr.source,
    destination: pr.destination,
    review,
    updated: pr.updatedOn.slice(0, 10),
  });
}
