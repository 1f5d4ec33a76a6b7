import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { DatacenterApi } from './datacenter-api';
import { datacenterPath } from './datacenter-path';
import type { DatacenterPullRequestJson } from './datacenter-review-json';
import { datacenterAnswers } from './datacenter-answers';

/** GET …/pull-requests/{id}, as Data Center answers it (with the `version` writes need). */
export async function fetchDatacenterPullRequest(
  api: DatacenterApi,
  repo: BbRepositoryRef,
  id: number,
  signal?: AbortSignal,
): Promise<DatacenterPullRequestJson> {
  return api.json<DatacenterPullRequestJson>(
    {
      method: 'GET',
      route: 'GET /rest/api/latest/projects/{key}/repos/{slug}/pull-requests/{id}',
      answer: datacenterAnswers.pullRequest,
      path: datacenterPath.repository(repo, `/pull-requests/${id}`),
    },
    signal,
  );
}
