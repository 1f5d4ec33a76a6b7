import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakeRepository } from '../dataset/fake-repository';
import { cloudCommit } from './cloud-commit.representation';
import type { CloudLinks } from './cloud-links';

// The six strategies of the current Cloud spec's `branch` schema (docs/bitbucket-api.md#cloud-refs).
const MERGE_STRATEGIES = [
  'merge_commit',
  'squash',
  'fast_forward',
  'squash_fast_forward',
  'rebase_fast_forward',
  'rebase_merge',
] as const;

/** Cloud `branch` (GET …/refs/branches[/{name}], GET …/refs). */
export function cloudBranch(
  repository: FakeRepository,
  name: string,
  data: FakeDataset,
  links: CloudLinks,
): Record<string, unknown> {
  const full = `${repository.workspaceSlug}/${repository.slug}`;
  const head = repository.git.get(repository.git.branches.get(name) ?? '');
  return {
    type: 'branch',
    name,
    target: cloudCommit(head, repository, data, links),
    links: {
      self: links.api(`/repositories/${full}/refs/branches/${name}`),
      commits: links.api(`/repositories/${full}/commits/${name}`),
      html: links.web(`/${full}/branch/${name}`),
    },
    merge_strategies: [...MERGE_STRATEGIES],
    default_merge_strategy: 'merge_commit',
  };
}
