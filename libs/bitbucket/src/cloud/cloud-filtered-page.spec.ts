import { randomBytes } from 'node:crypto';
import { PageCursors } from '../pagination/page-cursors';
import type { BitbucketUpstream } from '../upstream/bitbucket-upstream';
import type { UpstreamRequest } from '../upstream/upstream-request';
import { UpstreamResponse } from '../upstream/upstream-response';
import { CloudApi } from './cloud-api';
import { cloudFilteredPage } from './cloud-filtered-page';

const ROOT = 'https://api.bitbucket.org/2.0/';

/** A Cloud listing of the numbers 1..count, `perPage` a page, behind a stub upstream that counts its calls. */
function numbers(count: number, perPage: number): { api: CloudApi; calls: () => number } {
  let calls = 0;
  const url = (request: Pick<UpstreamRequest, 'path' | 'query'>): URL => {
    const target = new URL(request.path.startsWith('http') ? request.path : request.path.replace(/^\/+/, ''), ROOT);
    for (const [name, value] of Object.entries(request.query ?? {})) target.searchParams.set(name, String(value));
    return target;
  };
  const upstream = {
    url,
    belowApiRoot: (link: string): string => url({ path: link }).href.slice(ROOT.length),
    send: async (request: UpstreamRequest): Promise<UpstreamResponse> => {
      calls += 1;
      const page = Number(url(request).searchParams.get('page') ?? 1);
      const values = Array.from({ length: count }, (_, i) => i + 1).slice((page - 1) * perPage, page * perPage);
      const next = page * perPage < count ? `${ROOT}items?page=${page + 1}` : undefined;
      const body = Buffer.from(JSON.stringify({ values, ...(next === undefined ? {} : { next }) }));
      return Promise.resolve(new UpstreamResponse(200, {}, body));
    },
  } as unknown as BitbucketUpstream;
  return { api: new CloudApi(upstream, new PageCursors(randomBytes(32))), calls: () => calls };
}

const even = (n: number): boolean => n % 2 === 0;

describe('cloudFilteredPage', () => {
  it('resumes inside a Cloud page where the previous call stopped, each match exactly once', async () => {
    const { api } = numbers(25, 10);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await cloudFilteredPage(
        api,
        'numbers',
        { route: 'GET /items', path: '/items' },
        { limit: 4, ...(cursor === undefined ? {} : { cursor }) },
        (n: number) => n,
        even,
      );
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items);
      cursor = page.cursor;
    } while (cursor !== undefined);
    expect(seen).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]);
  });

  it('reads a bounded number of pages and hands back a cursor when too few items match', async () => {
    const { api, calls } = numbers(1000, 10);
    const page = await cloudFilteredPage(
      api,
      'numbers',
      { route: 'GET /items', path: '/items' },
      { limit: 5 },
      (n: number) => n,
      (n) => n > 900,
    );
    expect(page.items).toEqual([]);
    expect(page.cursor).toEqual(expect.any(String));
    expect(calls()).toBe(10);
  });
});
