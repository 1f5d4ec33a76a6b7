import type { FakeBuildStatus } from '../dataset/fake-build-status';
import type { FakeRepository } from '../dataset/fake-repository';
import { datacenterBuildState } from './datacenter-build-state';

/** RestBuildStatus, as the repository's `commits/{commitId}/builds` answers it. */
export function datacenterBuildStatus(status: FakeBuildStatus, repository: FakeRepository): Record<string, unknown> {
  return {
    key: status.key,
    state: datacenterBuildState.of(status.state),
    name: status.name,
    url: status.url,
    description: status.description,
    projectKey: repository.projectKey,
    repositorySlug: repository.slug,
    createdDate: status.createdAt.getTime(),
    updatedDate: status.updatedAt.getTime(),
  };
}
