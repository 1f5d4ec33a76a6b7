export type FakeFlavor = 'cloud' | 'datacenter' | 'admin';

/** Which API a request path belongs to, so errors and faults answer in that API's shape. */
export function flavorOfPath(path: string): FakeFlavor {
  if (path.startsWith('/2.0/') || path === '/2.0' || path.startsWith('/site/')) return 'cloud';
  if (path.startsWith('/rest/')) return 'datacenter';
  return 'admin';
}
