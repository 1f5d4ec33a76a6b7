import type { PageOptions } from '../bitbucket-client.port';
import type { BbPage } from '../model/bb-page';
import type { PageCursors } from './page-cursors';

/** Upstream pages read per call at most, however few items pass the filter. */
const SCANNED_PAGES = 10;

/**
 * A page of the items that pass `keep`, for filters the upstream cannot apply on the server. It reads
 * upstream pages, each named by a position (Cloud: the page's URL; Data Center: its `start`), until
 * `limit` items pass, the listing ends, or SCANNED_PAGES pages were read: a sparse filter then returns
 * fewer items (even none) and a cursor to read on. The cursor names the upstream page and how many of
 * its items the previous call already went through.
 */
export async function filteredPage<J, T>(
  cursors: PageCursors,
  listing: string,
  options: PageOptions | undefined,
  scan: {
    readonly limit: number;
    /** The position of the listing's first page. */
    readonly first: string;
    /** The page at a position, and the position of the page after it (none on the last). */
    readonly read: (position: string) => Promise<{ readonly values: readonly J[]; readonly next?: string }>;
  },
  map: (json: J) => T,
  keep: (item: T) => boolean,
): Promise<BbPage<T>> {
  const resumed = /^(\d+) (.+)$/.exec(String(cursors.decode(options?.cursor, listing) ?? ''));
  let position = resumed?.[2] ?? scan.first;
  let skip = Number(resumed?.[1] ?? 0);
  const items: T[] = [];
  for (let read = 0; read < SCANNED_PAGES; read += 1) {
    const page = await scan.read(position);
    for (const [index, value] of page.values.entries()) {
      if (index < skip) continue;
      const item = map(value);
      if (!keep(item)) continue;
      if (items.length === scan.limit) return { items, cursor: cursors.encode(listing, `${index} ${position}`) };
      items.push(item);
    }
    if (page.next === undefined) return { items };
    position = page.next;
    skip = 0;
  }
  return { items, cursor: cursors.encode(listing, `0 ${position}`) };
}
