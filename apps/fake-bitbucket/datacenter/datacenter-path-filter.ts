import type { FileChange } from '../git/file-change';

/** Whether a change touches one of `paths`, a file or everything under a directory (git's pathspec); all when none. */
export function changeUnderPaths(change: FileChange, paths: readonly string[] | undefined): boolean {
  const wanted = (paths ?? []).map((path) => path.replace(/^\/+|\/+$/g, '')).filter((path) => path !== '');
  if (wanted.length === 0) return true;
  return [change.oldPath, change.newPath].some(
    (side) => side !== undefined && wanted.some((path) => side === path || side.startsWith(`${path}/`)),
  );
}
