import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import type { BbPage } from '../model/bb-page';
import type { BbRef } from '../model/bb-ref';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { DatacenterApi } from './datacenter-api';
import type { DatacenterRefJson } from './datacenter-code-json';
import { datacenterCodeMappers } from './datacenter-code-mappers';
import { datacenterPath } from './datacenter-path';
import { datacenterAnswers } from './datacenter-answers';

const REPOSITORY = '/rest/api/latest/projects/{key}/repos/{slug}';

type RefKind = 'branches' | 'tags';

/**
 * Data Center branches and tags (docs/bitbucket-api.md#data-center-refs): `branches` and `tags` listed with `filterText` (names
 * containing it, in any case), created with a `startPoint`; branches are deleted through branch-utils.
 */
export class DatacenterRefsApi {
  constructor(private readonly api: DatacenterApi) {}

  /** Each branch says itself whether it is the default one. */
  async listBranches(repo: BbRepositoryRef, input: { filter?: string }, options?: PageOptions): Promise<BbPage<BbRef>> {
    return this.list(repo, 'branches', input.filter, options);
  }

  async listTags(repo: BbRepositoryRef, input: { filter?: string }, options?: PageOptions): Promise<BbPage<BbRef>> {
    return this.list(repo, 'tags', input.filter, options);
  }

  /** `startPoint` is a commit id or any ref name; Data Center resolves either. */
  async createBranch(
    repo: BbRepositoryRef,
    input: { name: string; startPoint: string },
    options?: CallOptions,
  ): Promise<BbRef> {
    const json = await this.api.json<DatacenterRefJson>(
      {
        method: 'POST',
        route: `POST ${REPOSITORY}/branches`,
        answer: datacenterAnswers.ref,
        path: datacenterPath.repository(repo, '/branches'),
        json: { name: input.name, startPoint: input.startPoint },
      },
      options?.signal,
    );
    return datacenterCodeMappers.ref(json, 'branch');
  }

  /**
   * Named in full (`refs/heads/…`) so a tag of the same name is never meant. Data Center answers 204
   * whether or not the branch existed (afterwards it does not), and refuses the default branch (400).
   */
  async deleteBranch(repo: BbRepositoryRef, input: { name: string }, options?: CallOptions): Promise<void> {
    await this.api.json<undefined>(
      {
        method: 'DELETE',
        route: 'DELETE /rest/branch-utils/latest/projects/{key}/repos/{slug}/branches',
        path: datacenterPath.pluginRepository('branch-utils', repo, '/branches'),
        json: { name: input.name.startsWith('refs/') ? input.name : `refs/heads/${input.name}` },
      },
      options?.signal,
    );
  }

  /** With a `message` Data Center writes an annotated tag, else a lightweight one. */
  async createTag(
    repo: BbRepositoryRef,
    input: { name: string; target: string; message?: string },
    options?: CallOptions,
  ): Promise<BbRef> {
    const json = await this.api.json<DatacenterRefJson>(
      {
        method: 'POST',
        route: `POST ${REPOSITORY}/tags`,
        answer: datacenterAnswers.ref,
        path: datacenterPath.repository(repo, '/tags'),
        json: {
          name: input.name,
          startPoint: input.target,
          ...(input.message === undefined ? {} : { message: input.message }),
        },
      },
      options?.signal,
    );
    return datacenterCodeMappers.ref(json, 'tag');
  }

  private async list(
    repo: BbRepositoryRef,
    kind: RefKind,
    filter: string | undefined,
    options: PageOptions | undefined,
  ): Promise<BbPage<BbRef>> {
    const text = filter === undefined || filter === '' ? undefined : filter;
    return this.api.page(
      `${kind} ${repo.workspace}/${repo.repo} ${text ?? ''}`,
      {
        route: `GET ${REPOSITORY}/${kind}`,
        values: datacenterAnswers.ref,
        path: datacenterPath.repository(repo, `/${kind}`),
        ...(text === undefined ? {} : { query: { filterText: text } }),
      },
      options,
      (json: DatacenterRefJson) => datacenterCodeMappers.ref(json, kind === 'branches' ? 'branch' : 'tag'),
    );
  }
}
