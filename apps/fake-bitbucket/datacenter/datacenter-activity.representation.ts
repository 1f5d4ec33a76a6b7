import type { FakePullRequest, FakePullRequestEvent, FakePullRequestEventType } from '../dataset/fake-pull-request';
import { datacenterCommentAnchor } from './datacenter-comment-anchor.representation';
import { datacenterComment } from './datacenter-comment.representation';
import type { DatacenterReviewContext } from './datacenter-review-context';
import { datacenterUser } from './datacenter-user.representation';

/** Data Center's activity actions; it calls "requested changes" REVIEWED, and withdrawing either review UNAPPROVED. */
const ACTIONS: Readonly<Record<FakePullRequestEventType, string>> = {
  opened: 'OPENED',
  updated: 'UPDATED',
  rescoped: 'RESCOPED',
  approved: 'APPROVED',
  unapproved: 'UNAPPROVED',
  changes_requested: 'REVIEWED',
  changes_request_removed: 'UNAPPROVED',
  commented: 'COMMENTED',
  merged: 'MERGED',
  declined: 'DECLINED',
  reopened: 'REOPENED',
};

/** RestPullRequestActivity; a COMMENTED one carries the comment (with its replies) and its anchor. */
export function datacenterActivity(
  event: FakePullRequestEvent,
  pr: FakePullRequest,
  context: DatacenterReviewContext,
): Record<string, unknown> {
  const comment =
    event.commentId === undefined ? undefined : context.data.commentsOf(pr).find((c) => c.id === event.commentId);
  return {
    id: event.id,
    createdDate: event.at.getTime(),
    user: datacenterUser(context.data.user(event.userSlug), context.links),
    action: ACTIONS[event.type],
    ...(comment === undefined
      ? {}
      : {
          commentAction: 'ADDED',
          comment: datacenterComment(comment, pr, context),
          ...(comment.parentId === undefined && comment.inline !== undefined
            ? { commentAnchor: datacenterCommentAnchor(comment.inline, pr, context) }
            : {}),
        }),
  };
}
