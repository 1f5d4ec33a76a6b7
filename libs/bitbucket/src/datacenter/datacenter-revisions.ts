import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { DatacenterApi } from './datacenter-api';
import type { DatacenterCommitJson } from './datacenter-code-json';
import type { DatacenterBranchJson, DatacenterPageJson } from './datacenter-json';
import { datacenterPath } from './datacenter-path';
import { pageOf } from '../upstream/answer-shape';
import { datacenterAnswers } from './datacenter-answers';

/** What a ref names: the repository's default branch, and the commit a branch, tag or (short) hash is at. */
export class DatacenterRevisions {
  constructor(private readonly api: DatacenterApi) {}

  async defaultBranch(repo: BbRepositoryRef, signal?: AbortSignal): Promise<string> {
    // An empty repository may answer 204 here.
    const json = await this.api.json<DatacenterBranchJson | undefined>(
      {
        method: 'GET',
        route: 'GET /rest/api/latest/projects/{key}/repos/{slug}/branches/default',
        path: datacenterPath.repository(repo, '/branches/default'),
      },
      signal,
    );
    if (json?.displayId === undefined) {
      throw new BitbucketException(
        BitbucketErrorCode.NOT_FOUND,
        `${repo.workspace}/${repo.repo} has no default branch`,
        {
          messageKey: 'BITBUCKET_REPOSITORY_EMPTY',
          params: { repository: `${repo.workspace}/${repo.repo}` },
        },
      );
    }
    return json.displayId;
  }

  /** The full id of the newest commit of `commits?until=ref` (a query parameter, so any ref name fits). */
  async commitId(repo: BbRepositoryRef, ref: string, signal?: AbortSignal): Promise<string> {
    const page = await this.api.json<DatacenterPageJson<DatacenterCommitJson>>(
      {
        method: 'GET',
        route: 'GET /rest/api/latest/projects/{key}/repos/{slug}/commits',
        path: datacenterPath.repository(repo, '/commits'),
        query: { until: ref, limit: 1 },
        answer: pageOf(datacenterAnswers.commit),
      },
      signal,
    );
    const id = page.values[0]?.id;
    if (id === undefined) {
      throw new BitbucketException(BitbucketErrorCode.NOT_FOUND, `No commit at ${ref}`, {
        messageKey: 'BITBUCKET_REF_NOT_FOUND',
        params: { ref, repository: `${repo.workspace}/${repo.repo}` },
      });
    }
    return id;
  }
}
