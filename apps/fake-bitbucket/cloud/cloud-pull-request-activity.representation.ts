import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakePullRequest, FakePullRequestEvent } from '../dataset/fake-pull-request';
import type { PullRequestOperations } from '../domain/pull-request.operations';
import { cloudAccount } from './cloud-account.representation';
import { cloudComment } from './cloud-comment.representation';
import type { CloudLinks } from './cloud-links';
import { cloudPullRequest } from './cloud-pull-request.representation';
import { cloudPullRequestRef } from './cloud-pull-request-ref.representation';

const UPDATE_STATE: Partial<Record<FakePullRequestEvent['type'], FakePullRequest['state']>> = {
  opened: 'OPEN',
  updated: 'OPEN',
  rescoped: 'OPEN',
  reopened: 'OPEN',
  merged: 'MERGED',
  declined: 'DECLINED',
};

/**
 * One entry of GET …/pullrequests/{id}/activity: an `update`, `approval`, `changes_requested` or
 * `comment`, with the pull request it belongs to; undefined for events Cloud does not list there.
 */
export function cloudPullRequestActivity(
  event: FakePullRequestEvent,
  pr: FakePullRequest,
  operations: PullRequestOperations,
  data: FakeDataset,
  links: CloudLinks,
): Record<string, unknown> | undefined {
  const pullRequest = cloudPullRequestRef(pr, links);
  const user = cloudAccount(data.user(event.userSlug), links);
  const date = event.at.toISOString();
  if (event.type === 'approved')
    return { approval: { date, user, pullrequest: pullRequest }, pull_request: pullRequest };
  if (event.type === 'changes_requested') {
    return { changes_requested: { date, user, pullrequest: pullRequest }, pull_request: pullRequest };
  }
  if (event.type === 'commented') {
    const comment = data.commentsOf(pr).find((c) => c.id === event.commentId && c.kind === 'comment');
    return comment === undefined
      ? undefined
      : { comment: cloudComment(comment, pr, data, links), pull_request: pullRequest };
  }
  const state = UPDATE_STATE[event.type];
  if (state === undefined) return undefined;
  const current = cloudPullRequest(pr, operations, data, links);
  return {
    update: {
      state: state === 'DECLINED' && pr.state === 'SUPERSEDED' ? 'SUPERSEDED' : state,
      title: pr.title,
      description: pr.description,
      reason: pr.reason,
      source: current.source,
      destination: current.destination,
      author: user,
      date,
    },
    pull_request: pullRequest,
  };
}
