import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakeIssue } from '../dataset/fake-issue';
import type { FakeRepository } from '../dataset/fake-repository';
import { cloudAccount } from './cloud-account.representation';
import { cloudRendered, cloudRepositoryRef } from './cloud-commit.representation';
import type { CloudLinks } from './cloud-links';

/** Cloud `issue` (docs/bitbucket-api.md#cloud-issues). */
export function cloudIssue(
  issue: FakeIssue,
  repository: FakeRepository,
  data: FakeDataset,
  links: CloudLinks,
): Record<string, unknown> {
  const full = `${repository.workspaceSlug}/${repository.slug}`;
  const api = (rest: string): { href: string } => links.api(`/repositories/${full}/issues/${issue.id}${rest}`);
  const reporter = data.findUser(issue.reporterSlug);
  const assignee = issue.assigneeSlug === undefined ? undefined : data.findUser(issue.assigneeSlug);
  return {
    type: 'issue',
    id: issue.id,
    title: issue.title,
    content: cloudRendered(issue.content),
    reporter: reporter === undefined ? null : cloudAccount(reporter, links),
    assignee: assignee === undefined ? null : cloudAccount(assignee, links),
    state: issue.state,
    kind: issue.kind,
    priority: issue.priority,
    votes: issue.votes,
    watches: null,
    component: null,
    milestone: null,
    version: null,
    repository: cloudRepositoryRef(repository, links),
    created_on: issue.createdAt.toISOString(),
    updated_on: issue.updatedAt.toISOString(),
    edited_on: null,
    links: {
      self: api(''),
      html: links.web(`/${full}/issues/${issue.id}`),
      comments: api('/comments'),
      attachments: api('/attachments'),
      watch: api('/watch'),
      vote: api('/vote'),
    },
  };
}
