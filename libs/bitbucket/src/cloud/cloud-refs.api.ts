import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import type { BbPage } from '../model/bb-page';
import type { BbRef } from '../model/bb-ref';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { CloudApi } from './cloud-api';
import { cloudBbql } from './cloud-bbql';
import type { CloudRefJson } from './cloud-code-json';
import { cloudCodeMappers } from './cloud-code-mappers';
import { cloudPath } from './cloud-path';
import { CloudRevisions } from './cloud-revisions';
import { upstreamPath } from '../upstream/upstream-path';
import { cloudAnswers } from './cloud-answers';

type RefKind = 'branches' | 'tags';

/** Cloud branches and tags (docs/bitbucket-api.md#cloud-refs): `refs/branches`, `refs/tags`, filtered with BBQL on the name. */
export class CloudRefsApi {
  private readonly revisions: CloudRevisions;

  constructor(private readonly api: CloudApi) {
    this.revisions = new CloudRevisions(api);
  }

  /** Branches, each marked default or not against the repository's main branch. */
  async listBranches(repo: BbRepositoryRef, input: { filter?: string }, options?: PageOptions): Promise<BbPage<BbRef>> {
    const [defaultBranch, page] = await Promise.all([
      this.revisions.mainBranch(repo, options?.signal),
      this.list(repo, 'branches', input.filter, options),
    ]);
    return { ...page, items: page.items.map((json) => cloudCodeMappers.ref(json, 'branch', defaultBranch)) };
  }

  async listTags(repo: BbRepositoryRef, input: { filter?: string }, options?: PageOptions): Promise<BbPage<BbRef>> {
    const page = await this.list(repo, 'tags', input.filter, options);
    return { ...page, items: page.items.map((json) => cloudCodeMappers.ref(json, 'tag')) };
  }

  /** `startPoint` is a commit hash or a branch name; Cloud resolves either. */
  async createBranch(
    repo: BbRepositoryRef,
    input: { name: string; startPoint: string },
    options?: CallOptions,
  ): Promise<BbRef> {
    const json = await this.api.json<CloudRefJson>(
      {
        method: 'POST',
        route: 'POST /repositories/{workspace}/{repo}/refs/branches',
        answer: cloudAnswers.ref,
        path: cloudPath.repository(repo, '/refs/branches'),
        json: { name: input.name, target: { hash: input.startPoint } },
      },
      options?.signal,
    );
    return cloudCodeMappers.ref(json, 'branch');
  }

  async deleteBranch(repo: BbRepositoryRef, input: { name: string }, options?: CallOptions): Promise<void> {
    await this.api.json<undefined>(
      {
        method: 'DELETE',
        route: 'DELETE /repositories/{workspace}/{repo}/refs/branches/{name}',
        path: cloudPath.repository(repo, `/refs/branches/${upstreamPath.ref('name', input.name)}`),
      },
      options?.signal,
    );
  }

  /** With a `message` Cloud writes an annotated tag. */
  async createTag(
    repo: BbRepositoryRef,
    input: { name: string; target: string; message?: string },
    options?: CallOptions,
  ): Promise<BbRef> {
    const json = await this.api.json<CloudRefJson>(
      {
        method: 'POST',
        route: 'POST /repositories/{workspace}/{repo}/refs/tags',
        answer: cloudAnswers.ref,
        path: cloudPath.repository(repo, '/refs/tags'),
        json: {
          name: input.name,
          target: { hash: input.target },
          ...(input.message === undefined ? {} : { message: input.message }),
        },
      },
      options?.signal,
    );
    return cloudCodeMappers.ref(json, 'tag');
  }

  private async list(
    repo: BbRepositoryRef,
    kind: RefKind,
    filter: string | undefined,
    options: PageOptions | undefined,
  ): Promise<BbPage<CloudRefJson>> {
    const name = filter === undefined || filter === '' ? undefined : filter;
    return this.api.page(
      `${kind} ${repo.workspace}/${repo.repo} ${name ?? ''}`,
      {
        route: `GET /repositories/{workspace}/{repo}/refs/${kind}`,
        values: cloudAnswers.ref,
        path: cloudPath.repository(repo, `/refs/${kind}`),
        ...(name === undefined ? {} : { query: { q: `name ~ ${cloudBbql.string(name)}` } }),
      },
      options,
      (json: CloudRefJson) => json,
    );
  }
}
