import { encodedFilePath } from '../code/encoded-file-path';
import type { BbRepositoryRef } from '../model/bb-repository-ref';

const segment = (value: string): string => encodeURIComponent(value);

/** Cloud paths with every caller-supplied part encoded (a slug can never escape its segment). */
export const cloudPath = {
  segment,
  repository(repo: BbRepositoryRef, rest = ''): string {
    return `/repositories/${segment(repo.workspace)}/${segment(repo.repo)}${rest}`;
  },
  pullRequest(repo: BbRepositoryRef, id: number, rest = ''): string {
    return `/repositories/${segment(repo.workspace)}/${segment(repo.repo)}/pullrequests/${id}${rest}`;
  },
  workspace(workspace: string, rest = ''): string {
    return `/workspaces/${segment(workspace)}${rest}`;
  },
  /** A file path below `src/{ref}/`: each segment encoded, the slashes between them kept. */
  file: encodedFilePath,
  /** Pipeline and step uuids travel with their braces (`{…}`), which callers may have left off. */
  uuid(value: string): string {
    return segment(/^\{.*\}$/.test(value) ? value : `{${value}}`);
  },
};
