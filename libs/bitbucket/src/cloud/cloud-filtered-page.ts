import type { PageOptions } from '../bitbucket-client.port';
import type { BbPage } from '../model/bb-page';
import { pageCursor } from '../pagination/page-cursor';
import type { UpstreamRequest } from '../upstream/upstream-request';
import type { CloudApi } from './cloud-api';
import type { CloudPageJson } from './cloud-json';

/** Cloud pages read per call at most, however few items pass the filter. */
const SCANNED_PAGES = 10;

const encode = (listing: string, url: string, skip: number): string => pageCursor.encode(listing, `${skip} ${url}`);

/**
 * A page of the items that pass `keep`, for filters Cloud cannot apply on the server. It reads Cloud
 * pages until `limit` items pass, the listing ends, or SCANNED_PAGES pages were read: a sparse filter
 * then returns fewer items (even none) and a cursor to read on. The cursor names the Cloud page and how
 * many of its items the previous call already went through.
 */
export async function cloudFilteredPage<J, T>(
  api: CloudApi,
  listing: string,
  request: Pick<UpstreamRequest, 'route' | 'path' | 'query'>,
  options: PageOptions | undefined,
  map: (json: J) => T,
  keep: (item: T) => boolean,
): Promise<BbPage<T>> {
  const limit = api.pagelen(options);
  const position = /^(\d+) (.+)$/.exec(String(pageCursor.decode(options?.cursor, listing) ?? ''));
  let url =
    position?.[2] ?? api.upstream.url({ path: request.path, query: { ...request.query, pagelen: limit } }).toString();
  let skip = Number(position?.[1] ?? 0);
  const items: T[] = [];
  for (let read = 0; read < SCANNED_PAGES; read += 1) {
    const page = await api.json<CloudPageJson<J>>({ method: 'GET', route: request.route, path: url }, options?.signal);
    for (const [index, value] of page.values.entries()) {
      if (index < skip) continue;
      const item = map(value);
      if (!keep(item)) continue;
      if (items.length === limit) return { items, cursor: encode(listing, url, index) };
      items.push(item);
    }
    if (page.next === undefined) return { items };
    url = page.next;
    skip = 0;
  }
  return { items, cursor: encode(listing, url, 0) };
}
