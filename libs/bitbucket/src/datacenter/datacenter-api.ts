import type { PageOptions } from '../bitbucket-client.port';
import type { BbPage } from '../model/bb-page';
import { filteredPage } from '../pagination/filtered-page';
import { pageOf, type AnswerShape } from '../upstream/answer-shape';
import { BitbucketRestApi } from '../upstream/bitbucket-rest-api';
import type { UpstreamQuery } from '../upstream/upstream-request';
import type { DatacenterPageJson } from './datacenter-json';

const MAX_LIMIT = 1000;

/** A GET listing: its first page is `path?query&start=0&limit=…`. */
interface DatacenterListingRequest {
  readonly route: string;
  readonly path: string;
  readonly query?: UpstreamQuery;
  readonly method?: 'GET';
  /** What each of its values must hold for the mapper. */
  readonly values?: AnswerShape;
}

/** Where the page after `page` starts; undefined on the last page. */
const nextStart = (page: DatacenterPageJson<unknown>): number | undefined =>
  page.isLastPage === true ? undefined : page.nextPageStart;

/** Data Center REST over the shared upstream: JSON calls, and `start`/`limit` listings behind cursors. */
export class DatacenterApi extends BitbucketRestApi {
  /** Items per page for the caller's `limit`. */
  limit(options: PageOptions | undefined): number {
    return Math.min(MAX_LIMIT, Math.max(1, options?.limit ?? 25));
  }

  async page<J, T>(
    listing: string,
    request: DatacenterListingRequest,
    options: PageOptions | undefined,
    map: (json: J) => T,
  ): Promise<BbPage<T>> {
    return this.pageOf(
      listing,
      options,
      async (start, limit) => this.read<J>(request, start, limit, options?.signal),
      map,
    );
  }

  /**
   * One page of a listing `read` fetches from a `start` (the cursor's, else 0), for listings that are
   * not a plain GET of a page: a directory's `children`, code search's `code`.
   */
  async pageOf<J, T>(
    listing: string,
    options: PageOptions | undefined,
    read: (start: number, limit: number) => Promise<DatacenterPageJson<J>>,
    map: (json: J) => T,
  ): Promise<BbPage<T>> {
    const start = this.cursors.decode(options?.cursor, listing);
    const page = await read(typeof start === 'number' ? start : 0, this.limit(options));
    const next = nextStart(page);
    return {
      items: page.values.map(map),
      ...(next === undefined ? {} : { cursor: this.cursors.encode(listing, next) }),
    };
  }

  /** Like `page`, keeping only the items that pass `keep`, for filters Data Center has no parameter for. */
  async filteredPage<J, T>(
    listing: string,
    request: DatacenterListingRequest,
    options: PageOptions | undefined,
    map: (json: J) => T,
    keep: (item: T) => boolean,
  ): Promise<BbPage<T>> {
    const limit = this.limit(options);
    const read = async (start: string): Promise<{ values: readonly J[]; next?: string }> => {
      const page = await this.read<J>(request, Number(start), limit, options?.signal);
      const next = nextStart(page);
      return { values: page.values, ...(next === undefined ? {} : { next: String(next) }) };
    };
    return filteredPage(this.cursors, listing, options, { limit, first: '0', read }, map, keep);
  }

  /** The items of a listing, following `nextPageStart`, from at most `maxPages` pages of the largest size. */
  async all<J>(request: DatacenterListingRequest, maxPages: number, signal?: AbortSignal): Promise<readonly J[]> {
    const values: J[] = [];
    let start: number | undefined = 0;
    for (let read = 0; read < maxPages && start !== undefined; read += 1) {
      const page: DatacenterPageJson<J> = await this.read<J>(request, start, MAX_LIMIT, signal);
      values.push(...page.values);
      start = nextStart(page);
    }
    return values;
  }

  private async read<J>(
    request: DatacenterListingRequest,
    start: number,
    limit: number,
    signal: AbortSignal | undefined,
  ): Promise<DatacenterPageJson<J>> {
    return this.json<DatacenterPageJson<J>>(
      {
        method: 'GET',
        route: request.route,
        path: request.path,
        query: { ...request.query, start, limit },
        answer: pageOf(request.values),
      },
      signal,
    );
  }
}
