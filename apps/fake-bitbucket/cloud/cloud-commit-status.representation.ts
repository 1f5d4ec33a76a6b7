import type { FakeBuildStatus } from '../dataset/fake-build-status';
import type { FakeRepository } from '../dataset/fake-repository';
import { cloudRepositoryRef } from './cloud-commit.representation';
import type { CloudLinks } from './cloud-links';
import { cloudShortCommit } from './cloud-short-commit.representation';

/** Cloud `commitstatus` of type `build` (commit and pull request statuses). */
export function cloudCommitStatus(
  status: FakeBuildStatus,
  repository: FakeRepository,
  links: CloudLinks,
): Record<string, unknown> {
  const commitPath = `/repositories/${repository.workspaceSlug}/${repository.slug}/commit/${status.commit}`;
  return {
    type: 'build',
    key: status.key,
    name: status.name,
    state: status.state,
    url: status.url,
    description: status.description,
    created_on: status.createdAt.toISOString(),
    updated_on: status.updatedAt.toISOString(),
    commit: cloudShortCommit(repository, status.commit, links),
    repository: cloudRepositoryRef(repository, links),
    links: {
      self: links.api(`${commitPath}/statuses/build/${encodeURIComponent(status.key)}`),
      commit: links.api(commitPath),
    },
  };
}
