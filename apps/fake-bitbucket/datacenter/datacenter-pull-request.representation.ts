import type { FakePullRequest } from '../dataset/fake-pull-request';
import { datacenterParticipant } from './datacenter-participant.representation';
import { datacenterPullRequestRef } from './datacenter-ref.representation';
import type { DatacenterReviewContext } from './datacenter-review-context';
import { datacenterPullRequestState } from './datacenter-pull-request-state';

/**
 * Comment and task counts, the merge outcome while open and the merge commit once merged: RestPullRequest
 * `properties` (`mergeCommit` is not in the 9.4 spec; real merged pull requests carry it, as in the
 * `pr:merged` webhook bodies Data Center sends).
 */
function properties(pr: FakePullRequest, context: DatacenterReviewContext): Record<string, unknown> {
  const comments = context.data.commentsOf(pr).filter((c) => !c.deleted);
  const tasks = comments.filter((c) => c.kind === 'task');
  const merge = pr.state === 'OPEN' ? context.pullRequests.mergePreview(pr) : undefined;
  return {
    ...(merge === undefined
      ? {}
      : { mergeResult: { outcome: merge.conflicts.length > 0 ? 'CONFLICTED' : 'CLEAN', current: true } }),
    resolvedTaskCount: tasks.filter((t) => t.taskState === 'RESOLVED').length,
    ...(comments.length === 0 ? {} : { commentCount: comments.length }),
    openTaskCount: tasks.filter((t) => t.taskState !== 'RESOLVED').length,
    ...(pr.state === 'MERGED' && pr.mergeCommit !== undefined
      ? { mergeCommit: { displayId: pr.mergeCommit.slice(0, 11), id: pr.mergeCommit } }
      : {}),
  };
}

/** RestPullRequest. Dates are epoch milliseconds; `version` is the optimistic-locking counter. */
export function datacenterPullRequest(
  pr: FakePullRequest,
  context: DatacenterReviewContext,
  options: { readonly withProperties?: boolean } = {},
): Record<string, unknown> {
  const { data, links, pullRequests } = context;
  const repository = pullRequests.destinationRepository(pr);
  const state = datacenterPullRequestState(pr.state);
  const role = (wanted: 'REVIEWER' | 'PARTICIPANT'): Record<string, unknown>[] =>
    pr.participants
      .filter((p) => p.role === wanted)
      .map((p) => datacenterParticipant(data.user(p.userSlug), wanted, p.status, links, p.lastReviewedCommit));
  return {
    id: pr.id,
    version: pr.version,
    title: pr.title,
    ...(pr.description === '' ? {} : { description: pr.description }),
    state,
    open: state === 'OPEN',
    closed: state !== 'OPEN',
    draft: pr.draft,
    createdDate: pr.createdAt.getTime(),
    updatedDate: pr.updatedAt.getTime(),
    ...(pr.closedAt === undefined ? {} : { closedDate: pr.closedAt.getTime() }),
    fromRef: datacenterPullRequestRef(
      pullRequests.sourceRepository(pr),
      pr.sourceBranch,
      pullRequests.sourceHead(pr),
      context,
    ),
    toRef: datacenterPullRequestRef(repository, pr.destinationBranch, pullRequests.destinationHead(pr), context),
    locked: false,
    author: datacenterParticipant(data.user(pr.authorSlug), 'AUTHOR', null, links),
    reviewers: role('REVIEWER'),
    participants: role('PARTICIPANT'),
    ...(options.withProperties === false ? {} : { properties: properties(pr, context) }),
    links: links.self(`/projects/${repository.projectKey}/repos/${repository.slug}/pull-requests/${pr.id}`),
  };
}
