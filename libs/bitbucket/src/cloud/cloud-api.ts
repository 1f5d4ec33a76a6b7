import type { PageOptions } from '../bitbucket-client.port';
import { BitbucketException } from '../bitbucket.exception';
import type { BbPage } from '../model/bb-page';
import { pageOf, type AnswerShape } from '../upstream/answer-shape';
import { BitbucketRestApi } from '../upstream/bitbucket-rest-api';
import type { UpstreamRequest } from '../upstream/upstream-request';
import type { CloudPageJson } from './cloud-json';
import { cloudPath } from './cloud-path';

const MAX_PAGELEN = 100;

/** The first page of a listing: below the API root, with its query, and what each of its values must hold. */
export type CloudListingRequest = Pick<UpstreamRequest, 'route' | 'path' | 'query'> & {
  readonly values?: AnswerShape;
  /** The listing asks later pages on another path than `path` (which is then not known): cursors keep the whole link. */
  readonly cursorKeepsPath?: true;
};

/** Cloud REST 2.0 over the shared upstream: JSON calls, and listings whose `next` links become cursors. */
export class CloudApi extends BitbucketRestApi {
  /**
   * Cloud answers a repository's 404 in the same words whether the repository or its workspace is wrong
   * (docs/bitbucket-api.md#cloud-errors); the workspace's own 404 (`GET /workspaces/{workspace}`) tells which, on the error path only.
   */
  protected override async explained(error: BitbucketException, signal?: AbortSignal): Promise<BitbucketException> {
    const workspace = error.params.workspace;
    if (error.messageKey !== 'BITBUCKET_NOT_FOUND_REPOSITORY' || typeof workspace !== 'string') return error;
    try {
      await this.upstream.send(
        { method: 'GET', route: 'GET /workspaces/{workspace}', path: cloudPath.workspace(workspace) },
        signal,
      );
      return error;
    } catch (probe) {
      return probe instanceof BitbucketException && probe.messageKey === 'BITBUCKET_NOT_FOUND_WORKSPACE'
        ? probe
        : error;
    }
  }

  /** Items per Cloud page for the caller's `limit`. */
  pagelen(options: PageOptions | undefined): number {
    return Math.min(MAX_PAGELEN, Math.max(1, options?.limit ?? 25));
  }

  /**
   * One page of a listing. The first page is `path?query&pagelen=…`; later pages follow Cloud's opaque
   * `next` link (below the API root) from the cursor, which already carries the query. A `next` link on
   * the listing's own path (most are) is kept as its query alone, so that cursors stay short.
   */
  async page<J, T>(
    listing: string,
    request: CloudListingRequest,
    options: PageOptions | undefined,
    map: (json: J) => T,
  ): Promise<BbPage<T>> {
    const page = await this.rawPage<J>(listing, request, options);
    return this.toPage(listing, request, page, page.values.map(map));
  }

  /** The Cloud page a cursor (or its absence) names, unmapped. */
  async rawPage<J>(
    listing: string,
    request: CloudListingRequest,
    options: PageOptions | undefined,
  ): Promise<CloudPageJson<J>> {
    const next = this.cursors.decode(options?.cursor, listing);
    const answer = pageOf(request.values);
    return this.json<CloudPageJson<J>>(
      typeof next === 'string'
        ? { method: 'GET', route: request.route, path: next.startsWith('?') ? `${request.path}${next}` : next, answer }
        : {
            method: 'GET',
            route: request.route,
            path: request.path,
            query: { ...request.query, pagelen: this.pagelen(options) },
            answer,
          },
      options?.signal,
    );
  }

  /** `items` (mapped from `page`) with the cursor that continues after `page`. */
  toPage<T>(
    listing: string,
    request: CloudListingRequest,
    page: CloudPageJson<unknown>,
    items: readonly T[],
  ): BbPage<T> {
    return {
      items,
      ...(page.next === undefined
        ? {}
        : { cursor: this.cursors.encode(listing, this.continuation(request, page.next)) }),
      ...(page.size === undefined ? {} : { total: page.size }),
    };
  }

  /** A `next` link as a cursor carries it: its query alone when it stays on the listing's path (see page). */
  private continuation(request: CloudListingRequest, next: string): string {
    const link = this.upstream.belowApiRoot(next);
    const path = request.path.replace(/^\/+/, '');
    return request.cursorKeepsPath !== true && link.startsWith(`${path}?`) ? link.slice(path.length) : link;
  }

  /** The items of a listing, following `next` links, from at most `maxPages` pages. */
  async all<J>(request: CloudListingRequest, maxPages: number, signal?: AbortSignal): Promise<readonly J[]> {
    const values: J[] = [];
    const answer = pageOf(request.values);
    let next: string | undefined;
    for (let read = 0; read < maxPages; read += 1) {
      const page = await this.json<CloudPageJson<J>>(
        next === undefined
          ? {
              method: 'GET',
              route: request.route,
              path: request.path,
              query: { ...request.query, pagelen: MAX_PAGELEN },
              answer,
            }
          : { method: 'GET', route: request.route, path: next, answer },
        signal,
      );
      values.push(...page.values);
      if (page.next === undefined) break;
      next = page.next;
    }
    return values;
  }
}
