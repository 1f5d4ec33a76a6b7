import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakeRepository } from '../dataset/fake-repository';
import { datacenterCommit } from './datacenter-commit.representation';
import type { DatacenterLinks } from './datacenter-links';

const PROVIDER = 'com.atlassian.bitbucket.server';

/**
 * What `details=true` adds to a branch (`metadata`, keyed by the plugin that provides it): commits
 * ahead of and behind `base`, the head commit and the build statuses on it.
 */
export function datacenterBranchMetadata(
  repository: FakeRepository,
  head: string,
  base: string,
  data: FakeDataset,
  links: DatacenterLinks,
): Record<string, unknown> {
  const statuses = data.buildStatusesOf(repository, head);
  const count = (state: string): number => statuses.filter((status) => status.state === state).length;
  return {
    [`${PROVIDER}.bitbucket-branch:ahead-behind-metadata-provider`]: {
      ahead: repository.git.history([head], [base]).length,
      behind: repository.git.history([base], [head]).length,
    },
    [`${PROVIDER}.bitbucket-branch:latest-commit-metadata`]: datacenterCommit(repository.git.get(head), data, links),
    [`${PROVIDER}.bitbucket-build:build-status-metadata`]: {
      successful: count('SUCCESSFUL'),
      inProgress: count('INPROGRESS'),
      failed: count('FAILED'),
    },
  };
}
