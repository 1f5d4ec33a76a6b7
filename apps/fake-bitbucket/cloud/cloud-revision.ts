import type { FakeRepository } from '../dataset/fake-repository';
import type { GitCommit } from '../git/git-commit';
import { cloudCodeErrors } from './cloud-code-errors';

/** The commit a branch, tag or (short) hash names, or Cloud's "Commit not found". */
export function resolveCloudRevision(repository: FakeRepository, revision: string): GitCommit {
  const hash = repository.git.resolve(revision);
  if (hash === undefined) throw cloudCodeErrors.commitNotFound(revision);
  return repository.git.get(hash);
}
