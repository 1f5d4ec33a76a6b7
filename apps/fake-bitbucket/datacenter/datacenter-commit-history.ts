import type { GitCommit } from '../git/git-commit';
import type { GitRepository } from '../git/git-repository';

/**
 * `git log until ^since [-- path]`, newest first. With `followRenames` the path is a single file
 * whose history continues under its old name past the commit that renamed it.
 */
export function datacenterCommitHistory(
  git: GitRepository,
  until: string,
  since: string | undefined,
  path: string | undefined,
  followRenames: boolean,
): GitCommit[] {
  const exclude = since === undefined ? [] : [since];
  if (path === undefined || path === '' || !followRenames) return git.history([until], exclude, path);
  let current = path;
  const touching: GitCommit[] = [];
  for (const commit of git.history([until], exclude)) {
    const change = commit.changes.find((c) => c.newPath === current || c.oldPath === current);
    if (change === undefined) continue;
    touching.push(commit);
    if (change.status === 'renamed' && change.newPath === current && change.oldPath !== undefined) {
      current = change.oldPath;
    }
  }
  return touching;
}
