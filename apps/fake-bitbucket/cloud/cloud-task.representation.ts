import type { FakeComment } from '../dataset/fake-comment';
import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import { cloudAccount } from './cloud-account.representation';
import { cloudRendered } from './cloud-commit.representation';
import type { CloudLinks } from './cloud-links';

/** A Cloud pull request task (`A_pullrequest_comment_task`): open tasks are UNRESOLVED. */
export function cloudTask(
  task: FakeComment,
  pr: FakePullRequest,
  data: FakeDataset,
  links: CloudLinks,
): Record<string, unknown> {
  const resolved = task.taskState === 'RESOLVED';
  const web = `/${pr.repoKey}/pull-requests/${pr.id}/_/diff`;
  return {
    id: task.id,
    state: resolved ? 'RESOLVED' : 'UNRESOLVED',
    content: cloudRendered(task.text),
    creator: cloudAccount(data.user(task.authorSlug), links),
    created_on: task.createdAt.toISOString(),
    updated_on: task.updatedAt.toISOString(),
    resolved_on: resolved ? (task.taskResolvedAt?.toISOString() ?? null) : null,
    resolved_by:
      resolved && task.taskResolvedBySlug !== undefined
        ? cloudAccount(data.user(task.taskResolvedBySlug), links)
        : null,
    pending: false,
    ...(task.anchorCommentId === undefined
      ? {}
      : {
          comment: {
            type: 'pullrequest_comment',
            id: task.anchorCommentId,
            links: {
              self: links.api(`/repositories/${pr.repoKey}/pullrequests/${pr.id}/comments/${task.anchorCommentId}`),
              html: links.web(`${web}#comment-${task.anchorCommentId}`),
            },
          },
        }),
    links: {
      self: links.api(`/repositories/${pr.repoKey}/pullrequests/${pr.id}/tasks/${task.id}`),
      html: links.web(`${web}#task-${task.id}`),
    },
  };
}
