import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakeIssue, FakeIssueComment } from '../dataset/fake-issue';
import type { FakeRepository } from '../dataset/fake-repository';
import { cloudAccount } from './cloud-account.representation';
import { cloudRendered, cloudRepositoryRef } from './cloud-commit.representation';
import type { CloudLinks } from './cloud-links';

/** Cloud `issue_comment`: the comment with a short form of its issue. */
export function cloudIssueComment(
  comment: FakeIssueComment,
  issue: FakeIssue,
  repository: FakeRepository,
  data: FakeDataset,
  links: CloudLinks,
): Record<string, unknown> {
  const full = `${repository.workspaceSlug}/${repository.slug}`;
  const issuePath = `/repositories/${full}/issues/${issue.id}`;
  const author = data.findUser(comment.authorSlug);
  return {
    type: 'issue_comment',
    id: comment.id,
    content: cloudRendered(comment.text),
    user: author === undefined ? null : cloudAccount(author, links),
    created_on: comment.createdAt.toISOString(),
    updated_on: null,
    issue: {
      type: 'issue',
      id: issue.id,
      title: issue.title,
      repository: cloudRepositoryRef(repository, links),
      links: { self: links.api(issuePath) },
    },
    links: {
      self: links.api(`${issuePath}/comments/${comment.id}`),
      html: links.web(`/${full}/issues/${issue.id}#comment-${comment.id}`),
    },
  };
}
