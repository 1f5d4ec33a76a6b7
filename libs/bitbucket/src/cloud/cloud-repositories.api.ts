import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import type { BbPage } from '../model/bb-page';
import type { BbRepository } from '../model/bb-repository';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { CloudApi } from './cloud-api';
import { cloudBbql } from './cloud-bbql';
import type { CloudRepositoryJson } from './cloud-json';
import { cloudMappers } from './cloud-mappers';
import { cloudPath } from './cloud-path';
import { upstreamPath } from '../upstream/upstream-path';

/** Cloud repositories of a workspace (the cross-workspace listing answers 410 since 2026). */
export class CloudRepositoriesApi {
  constructor(private readonly api: CloudApi) {}

  async listRepositories(
    input: { workspace: string; query?: string },
    options?: PageOptions,
  ): Promise<BbPage<BbRepository>> {
    const name = input.query === undefined || input.query === '' ? undefined : cloudBbql.string(input.query);
    return this.api.page(
      `repositories ${input.workspace} ${input.query ?? ''}`,
      {
        route: 'GET /repositories/{workspace}',
        path: `/repositories/${upstreamPath.segment('workspace', input.workspace)}`,
        query: { role: 'member', sort: '-updated_on', ...(name === undefined ? {} : { q: `name ~ ${name}` }) },
      },
      options,
      (json: CloudRepositoryJson) => cloudMappers.repository(json),
    );
  }

  async getRepository(repo: BbRepositoryRef, options?: CallOptions): Promise<BbRepository> {
    return cloudMappers.repository(
      await this.api.json<CloudRepositoryJson>(
        { method: 'GET', route: 'GET /repositories/{workspace}/{repo}', path: cloudPath.repository(repo) },
        options?.signal,
      ),
    );
  }
}
