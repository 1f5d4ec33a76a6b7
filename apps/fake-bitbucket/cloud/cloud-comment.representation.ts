import type { FakeComment } from '../dataset/fake-comment';
import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import { cloudAccount } from './cloud-account.representation';
import { cloudRendered } from './cloud-commit.representation';
import type { CloudLinks } from './cloud-links';
import { cloudPullRequestRef } from './cloud-pull-request-ref.representation';

/** Cloud `pullrequest_comment`; a deleted comment keeps its place in threads with `deleted: true` and no text. */
export function cloudComment(
  comment: FakeComment,
  pr: FakePullRequest,
  data: FakeDataset,
  links: CloudLinks,
): Record<string, unknown> {
  const link = (id: number): Record<string, { href: string }> => ({
    self: links.api(`/repositories/${pr.repoKey}/pullrequests/${pr.id}/comments/${id}`),
    html: links.web(`/${pr.repoKey}/pull-requests/${pr.id}/_/diff#comment-${id}`),
  });
  return {
    type: 'pullrequest_comment',
    id: comment.id,
    created_on: comment.createdAt.toISOString(),
    updated_on: comment.updatedAt.toISOString(),
    content: cloudRendered(comment.deleted ? '' : comment.text),
    user: cloudAccount(data.user(comment.authorSlug), links),
    deleted: comment.deleted,
    ...(comment.inline === undefined
      ? {}
      : { inline: { path: comment.inline.path, from: comment.inline.from ?? null, to: comment.inline.to ?? null } }),
    ...(comment.parentId === undefined
      ? {}
      : { parent: { type: 'pullrequest_comment', id: comment.parentId, links: link(comment.parentId) } }),
    ...(comment.resolution === undefined
      ? {}
      : {
          resolution: {
            type: 'comment_resolution',
            user: cloudAccount(data.user(comment.resolution.bySlug), links),
            created_on: comment.resolution.at.toISOString(),
          },
        }),
    pullrequest: cloudPullRequestRef(pr, links),
    links: link(comment.id),
  };
}
