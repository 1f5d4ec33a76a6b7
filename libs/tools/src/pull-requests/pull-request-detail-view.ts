import type { BbPullRequest, BbReviewer } from '@app/bitbucket';
import type { ToolContext } from '@app/mcp';
import { z } from 'zod';
import { toLineWindow } from '../shared/line-window';
import { shortHash } from '../shared/short-hash';
import { statusWord } from '../shared/status-word';
import { toUserView, userView } from '../shared/user-view';
import { pullRequestState, stateText } from './pull-request-summary-view';
import { catalogueText } from '@app/mcp';

/** What the description may always use, however long the rest of the answer is. */
const MIN_DESCRIPTION_CHARS = 500;

const reviewerView = z.object({
  name: z.string(),
  displayName: z.string(),
  role: z.enum(['reviewer', 'participant']).describe(catalogueText('output.reviewer.role')),
  status: z.enum(['approved', 'changes_requested', 'none']),
});

export const pullRequestDetailView = z.object({
  id: z.number().int(),
  title: z.string(),
  state: pullRequestState,
  draft: z.boolean(),
  author: userView,
  source: z.object({
    branch: z.string(),
    commit: z.string().optional(),
    repository: z.string().optional().describe(catalogueText('output.pullRequestDetail.repository')),
  }),
  destination: z.object({ branch: z.string(), commit: z.string().optional() }),
  reviewers: z.array(reviewerView).describe(catalogueText('output.pullRequestDetail.reviewers')),
  createdOn: z.string(),
  updatedOn: z.string(),
  closedOn: z.string().optional(),
  closedBy: z.string().optional().describe(catalogueText('output.pullRequestDetail.closedBy')),
  mergeCommit: z.string().optional(),
  commentCount: z.number().int().optional(),
  openTaskCount: z.number().int().optional(),
  url: z.string().optional(),
  description: z.string().describe(catalogueText('output.pullRequestDetail.description')),
  truncated: z.string().optional().describe(catalogueText('output.pullRequestDetail.truncated')),
});

export type PullRequestDetailView = z.output<typeof pullRequestDetailView>;

const person = (user: { name: string; displayName: string }): string => `${user.displayName} (${user.name})`;

function toReviewerView(reviewer: BbReviewer): z.output<typeof reviewerView> {
  return {
    name: reviewer.user.name,
    displayName: reviewer.user.displayName,
    role: reviewer.role,
    status: reviewer.status,
  };
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/**
 * A pull request as a reviewer reads it. The description gets what the response budget leaves
 * after the rest, from `descriptionFromLine`, and says where to continue when it is cut.
 */
export function toPullRequestDetail(
  pr: BbPullRequest,
  context: ToolContext,
  descriptionFromLine?: number,
): PullRequestDetailView {
  const view: PullRequestDetailView = {
    id: pr.id,
    title: pr.title,
    state: pr.state,
    draft: pr.draft,
    author: toUserView(pr.author),
    source: {
      branch: pr.sourceBranch,
      ...optional('commit', pr.sourceCommit),
      ...optional('repository', pr.sourceRepository),
    },
    destination: { branch: pr.destinationBranch, ...optional('commit', pr.destinationCommit) },
    reviewers: pr.reviewers.map(toReviewerView),
    createdOn: pr.createdOn,
    updatedOn: pr.updatedOn,
    ...optional('closedOn', pr.closedOn),
    ...optional('closedBy', pr.closedBy?.name),
    ...optional('mergeCommit', pr.mergeCommit),
    ...optional('commentCount', pr.commentCount),
    ...optional('openTaskCount', pr.openTaskCount),
    ...optional('url', pr.url),
    description: '',
  };
  const used = renderPullRequestDetail(view, context).length;
  const window = toLineWindow(
    pr.description,
    { fromLine: descriptionFromLine },
    { ...context, budgetChars: Math.max(MIN_DESCRIPTION_CHARS, context.budgetChars - used) },
    'tools.PR_DESCRIPTION_CUT',
  );
  return { ...view, description: window.text, ...optional('truncated', window.truncated) };
}

function reviewStatus(status: z.output<typeof reviewerView>['status'], context: ToolContext): string {
  return context.t(
    status === 'approved'
      ? 'tools.PR_STATUS_APPROVED'
      : status === 'changes_requested'
        ? 'tools.PR_STATUS_CHANGES_REQUESTED'
        : 'tools.PR_STATUS_NONE',
  );
}

function peopleLine(key: string, people: readonly z.output<typeof reviewerView>[], context: ToolContext): string[] {
  if (people.length === 0) return [];
  const list = people.map((p) => `${person(p)} ${reviewStatus(p.status, context)}`).join(', ');
  return [context.t(key, { list })];
}

const commitText = (branch: string, commit: string | undefined): string =>
  commit === undefined ? branch : `${branch}@${shortHash(commit)}`;

/** The pull request in a few lines, then its description and what was cut of it. */
export function renderPullRequestDetail(view: PullRequestDetailView, context: ToolContext): string {
  const source =
    view.source.repository === undefined ? view.source.branch : `${view.source.repository}:${view.source.branch}`;
  const facts = [
    ...(view.commentCount === undefined ? [] : [context.t('tools.PR_COMMENT_COUNT', { count: view.commentCount })]),
    ...(view.openTaskCount === undefined ? [] : [context.t('tools.PR_TASK_COUNT', { count: view.openTaskCount })]),
    context.t('tools.PR_CREATED_ON', { date: view.createdOn.slice(0, 10) }),
    context.t('tools.PR_UPDATED_ON', { date: view.updatedOn.slice(0, 10) }),
  ];
  const closedOn = {
    state: statusWord('PR_STATE', view.state, context),
    date: (view.closedOn ?? view.updatedOn).slice(0, 10),
  };
  const closed =
    view.state === 'OPEN'
      ? []
      : [
          [
            view.closedBy === undefined
              ? context.t('tools.PR_CLOSED_ON', closedOn)
              : context.t('tools.PR_CLOSED', { ...closedOn, by: view.closedBy }),
            ...(view.mergeCommit === undefined
              ? []
              : [context.t('tools.PR_MERGE_COMMIT', { hash: shortHash(view.mergeCommit) })]),
          ].join(', '),
        ];
  return [
    context.t('tools.PR_HEADER', {
      id: view.id,
      state: stateText(view.state, view.draft, context),
      title: view.title,
      author: person(view.author),
    }),
    `${commitText(source, view.source.commit)} → ${commitText(view.destination.branch, view.destination.commit)}`,
    ...peopleLine(
      'tools.PR_REVIEWERS',
      view.reviewers.filter((r) => r.role === 'reviewer'),
      context,
    ),
    ...peopleLine(
      'tools.PR_PARTICIPANTS',
      view.reviewers.filter((r) => r.role === 'participant'),
      context,
    ),
    facts.join(', '),
    ...closed,
    ...(view.url === undefined ? [] : [view.url]),
    '',
    view.description === '' && view.truncated === undefined ? context.t('tools.PR_NO_DESCRIPTION') : view.description,
    ...(view.truncated === undefined ? [] : [view.truncated]),
  ].join('\n');
}
