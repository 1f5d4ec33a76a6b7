import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import type { BbPage } from '../model/bb-page';
import type { BbRepository } from '../model/bb-repository';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { DatacenterApi } from './datacenter-api';
import type { DatacenterRepositoryJson } from './datacenter-json';
import { datacenterMappers } from './datacenter-mappers';
import { datacenterPath } from './datacenter-path';
import { DatacenterRevisions } from './datacenter-revisions';
import { datacenterAnswers } from './datacenter-answers';

/** Data Center repositories of a project (`workspace` is the project key). */
export class DatacenterRepositoriesApi {
  private readonly revisions: DatacenterRevisions;

  constructor(private readonly api: DatacenterApi) {
    this.revisions = new DatacenterRevisions(api);
  }

  async listRepositories(
    input: { workspace: string; query?: string },
    options?: PageOptions,
  ): Promise<BbPage<BbRepository>> {
    return this.api.page(
      `repositories ${input.workspace} ${input.query ?? ''}`,
      input.query === undefined || input.query === ''
        ? {
            route: 'GET /rest/api/latest/projects/{key}/repos',
            values: datacenterAnswers.repository,
            path: datacenterPath.project('workspace', input.workspace, '/repos'),
          }
        : {
            route: 'GET /rest/api/latest/repos',
            path: datacenterPath.api('/repos'),
            query: { projectkey: input.workspace, name: input.query },
          },
      options,
      (json: DatacenterRepositoryJson) => datacenterMappers.repository(json),
    );
  }

  /** The repository with its default branch (a second call: Data Center's repository JSON lacks it). */
  async getRepository(repo: BbRepositoryRef, options?: CallOptions): Promise<BbRepository> {
    const [json, defaultBranch] = await Promise.all([
      this.api.json<DatacenterRepositoryJson>(
        {
          method: 'GET',
          route: 'GET /rest/api/latest/projects/{key}/repos/{slug}',
          answer: datacenterAnswers.repository,
          path: datacenterPath.repository(repo),
        },
        options?.signal,
      ),
      // An empty repository has no default branch (NOT_FOUND); any other failure is the caller's too.
      this.revisions.defaultBranch(repo, options?.signal).catch((error: unknown) => {
        if (error instanceof BitbucketException && error.code === BitbucketErrorCode.NOT_FOUND) return undefined;
        throw error;
      }),
    ]);
    return datacenterMappers.repository(json, defaultBranch);
  }
}
