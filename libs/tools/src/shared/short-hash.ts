/** The first 12 characters of a commit hash: unambiguous in practice, and what both flavors accept back. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
