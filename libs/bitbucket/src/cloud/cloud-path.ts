import type { BbRepositoryRef } from '../model/bb-repository-ref';
import { upstreamPath } from '../upstream/upstream-path';

const repositoryPart = (repo: BbRepositoryRef): string =>
  `/repositories/${upstreamPath.segment('workspace', repo.workspace)}/${upstreamPath.segment('repo', repo.repo)}`;

/** Cloud paths, every caller-supplied part checked and encoded by upstreamPath and named by its argument. */
export const cloudPath = {
  repository(repo: BbRepositoryRef, rest = ''): string {
    return `${repositoryPart(repo)}${rest}`;
  },
  pullRequest(repo: BbRepositoryRef, id: number, rest = ''): string {
    return `${repositoryPart(repo)}/pullrequests/${id}${rest}`;
  },
  workspace(workspace: string, rest = ''): string {
    return `/workspaces/${upstreamPath.segment('workspace', workspace)}${rest}`;
  },
  /** Pipeline and step uuids travel with their braces (`{…}`), which callers may have left off. */
  uuid(field: string, value: string): string {
    return upstreamPath.segment(field, /^\{.*\}$/.test(value) ? value : `{${value}}`);
  },
};
