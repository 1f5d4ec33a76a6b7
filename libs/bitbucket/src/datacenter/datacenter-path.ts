import type { BbRepositoryRef } from '../model/bb-repository-ref';

const segment = (value: string): string => encodeURIComponent(value);
const API = '/rest/api/latest';

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
    return `${API}/projects/${segment(repo.workspace)}/repos/${segment(repo.repo)}${rest}`;
  },
  /** A file path: each segment encoded, the slashes kept. */
  file(path: string): string {
    return path
      .split('/')
      .filter((part) => part !== '')
      .map(segment)
      .join('/');
  },
};
