import type { FakeRepository } from '../dataset/fake-repository';
import type { DatacenterReviewContext } from './datacenter-review-context';
import { datacenterRepository } from './datacenter-repository.representation';

/** A pull request's `fromRef` / `toRef` (RestPullRequestRef): always a branch in the fake. */
export function datacenterPullRequestRef(
  repository: FakeRepository,
  branch: string,
  latestCommit: string,
  context: Pick<DatacenterReviewContext, 'data' | 'links'>,
): Record<string, unknown> {
  return {
    id: `refs/heads/${branch}`,
    displayId: branch,
    latestCommit,
    type: 'BRANCH',
    repository: datacenterRepository(repository, context.data, context.links),
  };
}
