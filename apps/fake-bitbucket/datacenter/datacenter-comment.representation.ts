import { commentThreadTop } from '../dataset/comment-thread-top';
import type { FakeComment } from '../dataset/fake-comment';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import { datacenterCommentAnchor } from './datacenter-comment-anchor.representation';
import { isDatacenterRepositoryAdmin } from './datacenter-repository-admin';
import type { DatacenterReviewContext } from './datacenter-review-context';
import { datacenterUser } from './datacenter-user.representation';

/** Replies, oldest first; a Cloud task attached to a comment is a blocker reply to it in Data Center. */
function repliesOf(comment: FakeComment, pr: FakePullRequest, context: DatacenterReviewContext): FakeComment[] {
  return context.data
    .commentsOf(pr)
    .filter((c) => !c.deleted && (c.parentId === comment.id || c.anchorCommentId === comment.id))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
}

/**
 * A reply names its `parent` where it stands alone (its own answer, an activity, the blocker-comment
 * list), as the spec's RestComment has it, but not nested under that parent's `comments`, where the
 * recorded responses leave it out. A Cloud task on a comment is a blocker reply to it.
 */
function render(
  comment: FakeComment,
  pr: FakePullRequest,
  context: DatacenterReviewContext,
  nested: boolean,
): Record<string, unknown> {
  const { data, links, caller, pullRequests } = context;
  const repository = pullRequests.destinationRepository(pr);
  const admin = isDatacenterRepositoryAdmin(data, repository, caller.slug);
  const own = comment.authorSlug === caller.slug;
  const replies = repliesOf(comment, pr, context);
  // A thread is resolved by whoever resolved its top comment.
  const { resolution } = commentThreadTop(comment, data.commentsOf(pr));
  const task = comment.kind === 'task';
  const resolver = comment.taskResolvedBySlug === undefined ? undefined : data.findUser(comment.taskResolvedBySlug);
  const threadResolver = resolution === undefined ? undefined : data.findUser(resolution.bySlug);
  const parentId = comment.parentId ?? comment.anchorCommentId;
  return {
    properties: { repositoryId: repository.id },
    id: comment.id,
    version: comment.version,
    text: comment.text,
    author: datacenterUser(data.user(comment.authorSlug), links),
    createdDate: comment.createdAt.getTime(),
    updatedDate: comment.updatedAt.getTime(),
    comments: replies.map((reply) => render(reply, pr, context, true)),
    ...(nested || parentId === undefined ? {} : { parent: { id: parentId } }),
    ...(comment.parentId === undefined && comment.inline !== undefined
      ? { anchor: datacenterCommentAnchor(comment.inline, pr, context), anchored: true }
      : {}),
    threadResolved: resolution !== undefined,
    ...(resolution === undefined ? {} : { threadResolvedDate: resolution.at.getTime() }),
    ...(threadResolver === undefined ? {} : { threadResolver: datacenterUser(threadResolver, links) }),
    severity: task ? 'BLOCKER' : 'NORMAL',
    state: task ? (comment.taskState ?? 'OPEN') : 'OPEN',
    ...(comment.taskResolvedAt === undefined ? {} : { resolvedDate: comment.taskResolvedAt.getTime() }),
    ...(resolver === undefined ? {} : { resolver: datacenterUser(resolver, links) }),
    permittedOperations: {
      editable: own,
      transitionable: own || admin || pr.authorSlug === caller.slug,
      deletable: (own || admin) && replies.length === 0,
    },
  };
}

/**
 * RestComment with its replies nested under `comments`. Tasks are comments of severity BLOCKER whose
 * `state` is OPEN or RESOLVED; `permittedOperations` answer for the caller.
 */
export function datacenterComment(
  comment: FakeComment,
  pr: FakePullRequest,
  context: DatacenterReviewContext,
): Record<string, unknown> {
  return render(comment, pr, context, false);
}
