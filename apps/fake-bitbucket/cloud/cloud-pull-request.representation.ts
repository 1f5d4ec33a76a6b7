import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import type { FakeRepository } from '../dataset/fake-repository';
import type { PullRequestOperations } from '../domain/pull-request.operations';
import { cloudAccount } from './cloud-account.representation';
import { cloudRendered, cloudRepositoryRef } from './cloud-commit.representation';
import type { CloudLinks } from './cloud-links';
import { cloudParticipant } from './cloud-participant.representation';
import { cloudPullRequestDiffPath } from './cloud-pull-request-diff.representation';
import { cloudShortCommit } from './cloud-short-commit.representation';

function endpoint(
  repository: FakeRepository,
  branch: string,
  hash: string,
  links: CloudLinks,
): Record<string, unknown> {
  return {
    branch: { name: branch },
    commit: hash === '' ? null : cloudShortCommit(repository, hash.slice(0, 12), links),
    repository: cloudRepositoryRef(repository, links),
  };
}

/** Cloud `pullrequest` as GET …/pullrequests/{id} answers it (listings leave out a few fields). */
export function cloudPullRequest(
  pr: FakePullRequest,
  operations: PullRequestOperations,
  data: FakeDataset,
  links: CloudLinks,
): Record<string, unknown> {
  const destination = operations.destinationRepository(pr);
  const api = (rest: string): { href: string } => links.api(`/repositories/${pr.repoKey}/pullrequests/${pr.id}${rest}`);
  const threads = data.commentsOf(pr).filter((c) => !c.deleted);
  return {
    type: 'pullrequest',
    id: pr.id,
    title: pr.title,
    description: pr.description,
    rendered: {
      title: cloudRendered(pr.title),
      description: cloudRendered(pr.description),
      ...(pr.reason === '' ? {} : { reason: cloudRendered(pr.reason) }),
    },
    summary: cloudRendered(pr.description),
    state: pr.state,
    draft: pr.draft,
    author: cloudAccount(data.user(pr.authorSlug), links),
    source: endpoint(operations.sourceRepository(pr), pr.sourceBranch, operations.sourceHead(pr), links),
    destination: endpoint(destination, pr.destinationBranch, operations.comparedDestination(pr), links),
    merge_commit:
      pr.mergeCommit === undefined ? null : cloudShortCommit(destination, pr.mergeCommit.slice(0, 12), links),
    comment_count: threads.filter((c) => c.kind === 'comment').length,
    task_count: threads.filter((c) => c.kind === 'task' && c.taskState === 'OPEN').length,
    close_source_branch: pr.closeSourceBranch,
    closed_by: pr.closedBySlug === undefined ? null : cloudAccount(data.user(pr.closedBySlug), links),
    reason: pr.reason,
    created_on: pr.createdAt.toISOString(),
    updated_on: pr.updatedAt.toISOString(),
    ...(pr.closedAt === undefined ? {} : { closed_on: pr.closedAt.toISOString() }),
    reviewers: pr.participants
      .filter((p) => p.role === 'REVIEWER')
      .map((p) => cloudAccount(data.user(p.userSlug), links)),
    participants: pr.participants.map((p) => cloudParticipant(p, data, links)),
    links: {
      self: api(''),
      html: links.web(`/${pr.repoKey}/pull-requests/${pr.id}`),
      commits: api('/commits'),
      approve: api('/approve'),
      'request-changes': api('/request-changes'),
      diff: links.api(cloudPullRequestDiffPath(pr, operations, 'diff')),
      diffstat: links.api(cloudPullRequestDiffPath(pr, operations, 'diffstat')),
      comments: api('/comments'),
      activity: api('/activity'),
      merge: api('/merge'),
      decline: api('/decline'),
      statuses: api('/statuses'),
    },
  };
}
