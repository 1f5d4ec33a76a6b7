import type { FakePullRequest } from '../dataset/fake-pull-request';
import type { PullRequestOperations } from '../domain/pull-request.operations';

/**
 * Where Cloud sends a pull request's diff, diffstat or patch (docs/bitbucket-api.md#cloud-diffs): the repository's own route
 * with the spec `{src_ws}/{src_repo}:{src}%0D{dst}`, compared from the merge base (`topic=true`).
 */
export function cloudPullRequestDiffPath(
  pr: FakePullRequest,
  operations: PullRequestOperations,
  kind: 'diff' | 'diffstat' | 'patch',
): string {
  const spec = `${pr.sourceRepoKey}:${operations.sourceHead(pr).slice(0, 12)}%0D${operations.comparedDestination(pr).slice(0, 12)}`;
  return `/repositories/${pr.repoKey}/${kind}/${spec}?from_pullrequest_id=${pr.id}&topic=true`;
}
