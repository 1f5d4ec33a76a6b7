import type { BbRepositoryRef } from '../model/bb-repository-ref';
import { upstreamPath } from '../upstream/upstream-path';

const API = '/rest/api/latest';
const repositoryPart = (repo: BbRepositoryRef): string =>
  `/projects/${upstreamPath.segment('workspace', repo.workspace)}/repos/${upstreamPath.segment('repo', repo.repo)}`;

/** Data Center paths, every caller-supplied part checked and encoded by upstreamPath and named by its argument. */
export const datacenterPath = {
  api(rest: string): string {
    return `${API}${rest}`;
  },
  /** A project named by the argument `field` (`workspace` for most tools, `key` for get_project). */
  project(field: string, key: string, rest = ''): string {
    return `${API}/projects/${upstreamPath.segment(field, key)}${rest}`;
  },
  repository(repo: BbRepositoryRef, rest = ''): string {
    return `${API}${repositoryPart(repo)}${rest}`;
  },
  /** Below another plugin's REST root (`/rest/branch-utils/latest`, `/rest/search/latest`…). */
  plugin(name: string, rest: string): string {
    return `/rest/${name}/latest${rest}`;
  },
  /** A repository below another plugin's REST root. */
  pluginRepository(name: string, repo: BbRepositoryRef, rest = ''): string {
    return `/rest/${name}/latest${repositoryPart(repo)}${rest}`;
  },
};
