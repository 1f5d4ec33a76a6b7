import type { PageOptions } from '../src/bitbucket-client.port';
import type { BbPage } from '../src/model/bb-page';

/** Every item of a listing, page by page through its cursors (at most 100 pages). */
export async function walkPages<T>(
  list: (options: PageOptions) => Promise<BbPage<T>>,
  limit: number,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await list({ limit, ...(cursor === undefined ? {} : { cursor }) });
    items.push(...page.items);
    pages += 1;
    cursor = page.cursor;
  } while (cursor !== undefined && pages < 100);
  return { items, pages };
}
