import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import type { BbPage } from '../model/bb-page';
import type { BbPullRequest, BbPullRequestState } from '../model/bb-pull-request';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { CloudApi } from './cloud-api';
import { cloudBbql } from './cloud-bbql';
import type { CloudAccountJson } from './cloud-json';
import { cloudPath } from './cloud-path';
import { fetchCloudPullRequest } from './cloud-pull-request-fetch';
import type { CloudPullRequestJson } from './cloud-review-json';
import { cloudReviewMappers } from './cloud-review-mappers';
import { CloudUserReferences } from './cloud-user-references';
import { cloudAnswers } from './cloud-answers';

/** Cloud pull requests (docs/bitbucket-api.md#cloud-pull-requests): listing with BBQL on user uuids, reading, creating, updating. */
export class CloudPullRequestsApi {
  private readonly users: CloudUserReferences;

  constructor(private readonly api: CloudApi) {
    this.users = new CloudUserReferences(api);
  }

  /**
   * `state` repeats (Cloud lists OPEN ones without it); author, reviewer and "mine" become BBQL on
   * uuids. Listings leave reviewers and participants out unless `fields` asks for them.
   */
  async listPullRequests(
    repo: BbRepositoryRef,
    input: {
      states?: readonly BbPullRequestState[];
      author?: string;
      reviewer?: string;
      mine?: 'authored' | 'reviewing';
    },
    options?: PageOptions,
  ): Promise<BbPage<BbPullRequest>> {
    // A cursor's `next` link already carries the filter; only a first page needs it resolved.
    const q =
      options?.cursor === undefined || options.cursor === '' ? await this.filter(repo, input, options) : undefined;
    return this.api.page(
      `pull requests ${repo.workspace}/${repo.repo} ${JSON.stringify([input.states, input.author, input.reviewer, input.mine])}`,
      {
        route: 'GET /repositories/{workspace}/{repo}/pullrequests',
        values: cloudAnswers.pullRequest,
        path: cloudPath.repository(repo, '/pullrequests'),
        query: {
          ...(input.states === undefined || input.states.length === 0 ? {} : { state: input.states }),
          ...(q === undefined ? {} : { q }),
          fields: '+values.participants,+values.reviewers',
        },
      },
      options,
      (json: CloudPullRequestJson) => cloudReviewMappers.pullRequest(json),
    );
  }

  async getPullRequest(repo: BbRepositoryRef, input: { id: number }, options?: CallOptions): Promise<BbPullRequest> {
    return cloudReviewMappers.pullRequest(await fetchCloudPullRequest(this.api, repo, input.id, options?.signal));
  }

  /** Reviewers are sent as `{uuid}` / `{account_id}`, nicknames looked up among the workspace members. */
  async createPullRequest(
    repo: BbRepositoryRef,
    input: {
      title: string;
      description?: string;
      sourceBranch: string;
      destinationBranch?: string;
      reviewers?: readonly string[];
      draft?: boolean;
      closeSourceBranch?: boolean;
    },
    options?: CallOptions,
  ): Promise<BbPullRequest> {
    const reviewers = await this.reviewers(repo, input.reviewers, options);
    const json = await this.api.json<CloudPullRequestJson>(
      {
        method: 'POST',
        route: 'POST /repositories/{workspace}/{repo}/pullrequests',
        answer: cloudAnswers.pullRequest,
        path: cloudPath.repository(repo, '/pullrequests'),
        json: {
          title: input.title,
          source: { branch: { name: input.sourceBranch } },
          ...(input.destinationBranch === undefined
            ? {}
            : { destination: { branch: { name: input.destinationBranch } } }),
          ...(input.description === undefined ? {} : { description: input.description }),
          ...(reviewers === undefined ? {} : { reviewers }),
          ...(input.draft === undefined ? {} : { draft: input.draft }),
          ...(input.closeSourceBranch === undefined ? {} : { close_source_branch: input.closeSourceBranch }),
        },
      },
      options?.signal,
    );
    return cloudReviewMappers.pullRequest(json);
  }

  /**
   * A PUT with the fields given; `reviewers`, when given, replaces the whole list. Cloud drops the
   * reviewers a PUT leaves out (sourcegraph#49913, renovate#4515), so without new ones the current
   * reviewers are read and sent back unchanged.
   */
  async updatePullRequest(
    repo: BbRepositoryRef,
    input: {
      id: number;
      title?: string;
      description?: string;
      destinationBranch?: string;
      reviewers?: readonly string[];
      draft?: boolean;
    },
    options?: CallOptions,
  ): Promise<BbPullRequest> {
    const reviewers =
      input.reviewers === undefined
        ? (await fetchCloudPullRequest(this.api, repo, input.id, options?.signal)).reviewers?.map((account) => ({
            uuid: account.uuid,
          }))
        : await this.reviewers(repo, input.reviewers, options);
    const json = await this.api.json<CloudPullRequestJson>(
      {
        method: 'PUT',
        route: 'PUT /repositories/{workspace}/{repo}/pullrequests/{id}',
        answer: cloudAnswers.pullRequest,
        path: cloudPath.pullRequest(repo, input.id),
        json: {
          ...(input.title === undefined ? {} : { title: input.title }),
          ...(input.description === undefined ? {} : { description: input.description }),
          ...(input.destinationBranch === undefined
            ? {}
            : { destination: { branch: { name: input.destinationBranch } } }),
          ...(reviewers === undefined ? {} : { reviewers }),
          ...(input.draft === undefined ? {} : { draft: input.draft }),
        },
      },
      options?.signal,
    );
    return cloudReviewMappers.pullRequest(json);
  }

  private async reviewers(
    repo: BbRepositoryRef,
    ids: readonly string[] | undefined,
    options: CallOptions | undefined,
  ): Promise<readonly unknown[] | undefined> {
    return ids === undefined
      ? undefined
      : Promise.all(ids.map(async (id) => this.users.resolve(repo.workspace, id, options)));
  }

  private async filter(
    repo: BbRepositoryRef,
    input: { author?: string; reviewer?: string; mine?: 'authored' | 'reviewing' },
    options: CallOptions | undefined,
  ): Promise<string | undefined> {
    const clause = (field: string, id: string | undefined): Promise<string> | undefined =>
      id === undefined || id === '' ? undefined : this.users.clause(repo.workspace, field, id, options);
    const me =
      input.mine === undefined
        ? undefined
        : this.api
            .json<CloudAccountJson>({ method: 'GET', route: 'GET /user', path: '/user' }, options?.signal)
            .then(
              (user) =>
                `${input.mine === 'authored' ? 'author' : 'reviewers'}.uuid = ${cloudBbql.string(user.uuid ?? '')}`,
            );
    return cloudBbql.and(await Promise.all([clause('author', input.author), clause('reviewers', input.reviewer), me]));
  }
}
