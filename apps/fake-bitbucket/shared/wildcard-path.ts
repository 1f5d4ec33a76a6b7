/** Express 5 hands `*name` route parameters over as segment arrays; Bitbucket paths want them joined. */
export function wildcardPath(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join('/');
  return typeof value === 'string' ? value : '';
}
