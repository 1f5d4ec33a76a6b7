const touches = (file: string, wanted: string): boolean => {
  const directory = wanted.replace(/\/+$/, '');
  return file === directory || file.startsWith(`${directory}/`);
};

/**
 * The file sections of a unified git diff whose old or new path is one of `paths` or lies under one of
 * them; for diffs fetched where the flavor cannot filter by those paths itself.
 */
export function diffOfPaths(diff: string, paths: readonly string[]): string {
  return diff
    .split(/^(?=diff --git )/m)
    .filter((section) => {
      const header = /^diff --git a\/(.*) b\/(.*)$/m.exec(section);
      return header?.slice(1).some((file) => paths.some((wanted) => touches(file, wanted))) === true;
    })
    .join('');
}
