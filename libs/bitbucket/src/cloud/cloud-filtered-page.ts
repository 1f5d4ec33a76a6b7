import type { PageOptions } from '../bitbucket-client.port';
import type { BbPage } from '../model/bb-page';
import { filteredPage } from '../pagination/filtered-page';
import { pageOf } from '../upstream/answer-shape';
import type { CloudApi, CloudListingRequest } from './cloud-api';
import type { CloudPageJson } from './cloud-json';

/**
 * A page of the Cloud items that pass `keep` (filteredPage), for filters Cloud cannot apply on the
 * server: the positions scanned are Cloud's page links below the API root, the first one built from `request`.
 */
export async function cloudFilteredPage<J, T>(
  api: CloudApi,
  listing: string,
  request: CloudListingRequest,
  options: PageOptions | undefined,
  map: (json: J) => T,
  keep: (item: T) => boolean,
): Promise<BbPage<T>> {
  const limit = api.pagelen(options);
  const first = api.upstream.belowApiRoot(
    api.upstream.url({ path: request.path, query: { ...request.query, pagelen: limit } }).href,
  );
  const answer = pageOf(request.values);
  const read = async (url: string): Promise<{ values: readonly J[]; next?: string }> => {
    const page = await api.json<CloudPageJson<J>>(
      { method: 'GET', route: request.route, path: url, answer },
      options?.signal,
    );
    return { values: page.values, ...(page.next === undefined ? {} : { next: api.upstream.belowApiRoot(page.next) }) };
  };
  return filteredPage(api.cursors, listing, options, { limit, first, read }, map, keep);
}
