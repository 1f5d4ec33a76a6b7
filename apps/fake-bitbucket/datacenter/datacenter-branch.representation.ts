import type { FakeRepository } from '../dataset/fake-repository';

/** RestBranch. Real responses say `isDefault` where the published spec says `default`. */
export function datacenterBranch(repository: FakeRepository, name: string, head: string): Record<string, unknown> {
  return {
    id: `refs/heads/${name}`,
    displayId: name,
    type: 'BRANCH',
    latestCommit: head,
    latestChangeset: head,
    isDefault: name === repository.git.defaultBranch,
  };
}
