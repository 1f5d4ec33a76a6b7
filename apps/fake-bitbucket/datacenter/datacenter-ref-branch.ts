import type { FakeRepository } from '../dataset/fake-repository';
import { datacenterErrors } from '../shared/datacenter-errors';

interface RefInput {
  readonly id: string;
  readonly repository?: { readonly slug: string; readonly project: { readonly key: string } } | undefined;
}

/**
 * The branch a pull request's `fromRef` / `toRef` names in this repository: a missing branch is
 * Data Center's 404; a tag, or a ref of another repository (forks are not modelled), is refused.
 */
export function datacenterRefBranch(ref: RefInput, repository: FakeRepository, field: 'fromRef' | 'toRef'): string {
  const other = ref.repository;
  if (
    other !== undefined &&
    (other.slug.toLowerCase() !== repository.slug || other.project.key.toUpperCase() !== repository.projectKey)
  ) {
    throw datacenterErrors.badRequest(
      `${field}: pull requests between ${other.project.key}/${other.slug} and ${repository.projectKey}/${repository.slug} are not supported.`,
      `${field}.repository`,
    );
  }
  if (ref.id.startsWith('refs/') && !ref.id.startsWith('refs/heads/')) {
    throw datacenterErrors.badRequest(
      `${field}: '${ref.id}' is not a branch; pull requests are made between branches.`,
      `${field}.id`,
    );
  }
  const branch = ref.id.replace(/^refs\/heads\//, '');
  if (!repository.git.branches.has(branch)) {
    throw datacenterErrors.notFound(
      `Repository ref '${ref.id}' does not exist in ${repository.projectKey}/${repository.slug}.`,
      'com.atlassian.bitbucket.repository.NoSuchBranchException',
    );
  }
  return branch;
}
