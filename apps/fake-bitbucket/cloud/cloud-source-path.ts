/** A repository path as it appears inside Cloud URLs: each segment escaped, the slashes kept. */
export function cloudSourcePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
