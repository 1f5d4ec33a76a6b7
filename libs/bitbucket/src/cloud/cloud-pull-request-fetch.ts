import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { CloudApi } from './cloud-api';
import { cloudPath } from './cloud-path';
import type { CloudPullRequestJson } from './cloud-review-json';
import { cloudAnswers } from './cloud-answers';

/** GET …/pullrequests/{id}, as Cloud answers it. */
export async function fetchCloudPullRequest(
  api: CloudApi,
  repo: BbRepositoryRef,
  id: number,
  signal?: AbortSignal,
): Promise<CloudPullRequestJson> {
  return api.json<CloudPullRequestJson>(
    {
      method: 'GET',
      route: 'GET /repositories/{workspace}/{repo}/pullrequests/{id}',
      answer: cloudAnswers.pullRequest,
      path: cloudPath.pullRequest(repo, id),
    },
    signal,
  );
}
