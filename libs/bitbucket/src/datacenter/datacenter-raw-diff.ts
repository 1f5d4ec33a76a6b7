import { diffOfPaths } from '../code/diff-of-paths';
import type { UpstreamRequest } from '../upstream/upstream-request';
import type { DatacenterApi } from './datacenter-api';

/**
 * A raw unified diff narrowed to `paths`. A Data Center diff resource takes one path (a file or a
 * directory) in its URL: one path is narrowed there; several are cut out of the whole diff here.
 * `request` builds the resource's request for one path, or for the whole diff.
 */
export async function datacenterRawDiff(
  api: DatacenterApi,
  paths: readonly string[],
  request: (path: string | undefined) => UpstreamRequest,
  signal: AbortSignal | undefined,
): Promise<string> {
  const [only, ...others] = paths;
  if (only !== undefined && others.length === 0) return api.text(request(only), signal);
  const diff = await api.text(request(undefined), signal);
  return only === undefined ? diff : diffOfPaths(diff, paths);
}
