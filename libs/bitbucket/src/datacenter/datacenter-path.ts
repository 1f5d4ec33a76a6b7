import { encodedFilePath } from '../code/encoded-file-path';
import type { BbRepositoryRef } from '../model/bb-repository-ref';

const segment = (value: string): string => encodeURIComponent(value);
const API = '/rest/api/latest';
const repositoryPart = (repo: BbRepositoryRef): string =>
  `/projects/${segment(repo.workspace)}/repos/${segment(repo.repo)}`;

/** Data Center paths with every caller-supplied part encoded. */
export const datacenterPath = {
  segment,
  api(rest: string): string {
    return `${API}${rest}`;
  },
  project(key: string, rest = ''): string {
    return `${API}/projects/${segment(key)}${rest}`;
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
  /** A file path: each segment encoded, the slashes kept. */
  file: encodedFilePath,
};
