/**
 * A Cloud diff spec: `{commit}`, `{source}..{destination}`, or the form pull request diff redirects
 * use, `{workspace}/{repo}:{source}%0D{destination}` (docs/bitbucket-api.md#cloud-diffs). The source is the side with the
 * changes, the opposite of `git diff`'s order. Ref names never hold `:`, `..` or control characters,
 * so the separators are unambiguous.
 */
export interface CloudDiffSpec {
  readonly source: string;
  /** Absent for a single commit, which is compared with its first parent. */
  readonly destination?: string;
  /** The `{workspace}/{repo}:` prefix, naming the source repository. */
  readonly sourceRepository?: { readonly workspace: string; readonly slug: string };
}

export function parseCloudDiffSpec(spec: string): CloudDiffSpec {
  const colon = spec.indexOf(':');
  const prefix = colon < 0 ? undefined : spec.slice(0, colon).split('/');
  const revisions = colon < 0 ? spec : spec.slice(colon + 1);
  const separator = revisions.includes('\r') ? '\r' : '..';
  const at = revisions.indexOf(separator);
  const [workspace, slug] = prefix ?? [];
  return {
    source: at < 0 ? revisions : revisions.slice(0, at),
    ...(at < 0 ? {} : { destination: revisions.slice(at + separator.length) }),
    ...(workspace === undefined || slug === undefined ? {} : { sourceRepository: { workspace, slug } }),
  };
}
