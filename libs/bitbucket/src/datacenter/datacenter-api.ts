import type { PageOptions } from '../bitbucket-client.port';
import type { BbPage } from '../model/bb-page';
import { pageCursor } from '../pagination/page-cursor';
import type { BitbucketUpstream } from '../upstream/bitbucket-upstream';
import type { UpstreamQuery, UpstreamRequest } from '../upstream/upstream-request';
import type { UpstreamResponse } from '../upstream/upstream-response';
import type { DatacenterPageJson } from './datacenter-json';

const MAX_LIMIT = 1000;

/** Data Center REST over the shared upstream: JSON calls, and `start`/`limit` listings behind cursors. */
export class DatacenterApi {
  constructor(readonly upstream: BitbucketUpstream) {}

  async json<T>(request: UpstreamRequest, signal?: AbortSignal): Promise<T> {
    const response = await this.upstream.send(request, signal);
    return (response.status === 204 || response.body.length === 0 ? undefined : response.json<T>()) as T;
  }

  async text(request: UpstreamRequest, signal?: AbortSignal): Promise<string> {
    return (await this.upstream.send({ ...request, accept: 'text' }, signal)).text();
  }

  raw(request: UpstreamRequest, signal?: AbortSignal): Promise<UpstreamResponse> {
    return this.upstream.send(request, signal);
  }

  async page<J, T>(
    listing: string,
    request: { route: string; path: string; query?: UpstreamQuery; method?: 'GET' },
    options: PageOptions | undefined,
    map: (json: J) => T,
  ): Promise<BbPage<T>> {
    const start = pageCursor.decode(options?.cursor, listing);
    const limit = Math.min(MAX_LIMIT, Math.max(1, options?.limit ?? 25));
    const page = await this.json<DatacenterPageJson<J>>(
      {
        method: 'GET',
        route: request.route,
        path: request.path,
        query: { ...request.query, start: typeof start === 'number' ? start : 0, limit },
      },
      options?.signal,
    );
    const next = page.isLastPage === true ? undefined : page.nextPageStart;
    return {
      items: page.values.map(map),
      ...(next === undefined ? {} : { cursor: pageCursor.encode(listing, next) }),
    };
  }
}
