import type { FakeRepository } from '../dataset/fake-repository';
import { datacenterCodeErrors } from './datacenter-code-errors';

/**
 * The commit a Data Center `at` / `until` / `since` / `from` / `to` names: a branch or tag, with or
 * without `refs/heads/` / `refs/tags/`, or a full or abbreviated commit id; none means the default
 * branch. An unknown one is NoSuchCommitException in commit resources, NoSuchObjectException in
 * content (browse, raw, files) resources.
 */
export function datacenterRevision(
  repository: FakeRepository,
  revision: string | undefined,
  resource: 'commit' | 'content' = 'commit',
): string {
  const wanted = revision === undefined || revision === '' ? repository.git.defaultBranch : revision;
  const hash = repository.git.resolve(wanted);
  if (hash !== undefined) return hash;
  throw resource === 'commit'
    ? datacenterCodeErrors.noSuchCommit(repository, wanted)
    : datacenterCodeErrors.noSuchObject(repository, wanted);
}
