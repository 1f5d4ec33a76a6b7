import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import type { BbActivity } from '../model/bb-activity';
import type { BbCommit } from '../model/bb-commit';
import type { BbFileChange } from '../model/bb-file-change';
import type { BbPage } from '../model/bb-page';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { DatacenterApi } from './datacenter-api';
import type { DatacenterChangeJson, DatacenterCommitJson } from './datacenter-code-json';
import { datacenterCodeMappers } from './datacenter-code-mappers';
import { datacenterPath } from './datacenter-path';
import { datacenterRawDiff } from './datacenter-raw-diff';
import type { DatacenterActivityJson } from './datacenter-review-json';
import { datacenterReviewMappers } from './datacenter-review-mappers';
import { upstreamPath } from '../upstream/upstream-path';
import { datacenterAnswers } from './datacenter-answers';

const ROUTE = 'GET /rest/api/latest/projects/{key}/repos/{slug}/pull-requests/{id}';

/**
 * What a Data Center pull request changes and what happened to it (docs/bitbucket-api.md#data-center-pull-requests): its effective diff,
 * changed files, commits and activity.
 */
export class DatacenterPullRequestChangesApi {
  constructor(private readonly api: DatacenterApi) {}

  /**
   * The effective diff (the source against its merge base with the target): `{id}.diff` streams it
   * whole; one path is `{id}/diff/{path}` asked for as text.
   */
  async getPullRequestDiff(
    repo: BbRepositoryRef,
    input: { id: number; paths?: readonly string[]; contextLines?: number },
    options?: CallOptions,
  ): Promise<string> {
    const query = input.contextLines === undefined ? {} : { contextLines: input.contextLines };
    return datacenterRawDiff(
      this.api,
      input.paths ?? [],
      (path) =>
        path === undefined
          ? {
              method: 'GET',
              route: `${ROUTE}.diff`,
              path: datacenterPath.repository(repo, `/pull-requests/${input.id}.diff`),
              query,
            }
          : {
              method: 'GET',
              route: `${ROUTE}/diff/{path}`,
              path: datacenterPath.repository(
                repo,
                `/pull-requests/${input.id}/diff/${upstreamPath.file('paths', path)}`,
              ),
              query,
            },
      options?.signal,
    );
  }

  /** The changed files; Data Center's change list carries no line counts. */
  async getPullRequestDiffstat(
    repo: BbRepositoryRef,
    input: { id: number },
    options?: PageOptions,
  ): Promise<BbPage<BbFileChange>> {
    return this.api.page(
      `pull request changes ${repo.workspace}/${repo.repo} ${input.id}`,
      { route: `${ROUTE}/changes`, path: datacenterPath.repository(repo, `/pull-requests/${input.id}/changes`) },
      options,
      (json: DatacenterChangeJson) => datacenterCodeMappers.fileChange(json),
    );
  }

  /** Newest first. */
  async listPullRequestCommits(
    repo: BbRepositoryRef,
    input: { id: number },
    options?: PageOptions,
  ): Promise<BbPage<BbCommit>> {
    return this.api.page(
      `pull request commits ${repo.workspace}/${repo.repo} ${input.id}`,
      {
        route: `${ROUTE}/commits`,
        values: datacenterAnswers.commit,
        path: datacenterPath.repository(repo, `/pull-requests/${input.id}/commits`),
      },
      options,
      (json: DatacenterCommitJson) => datacenterCodeMappers.commit(json),
    );
  }

  /** Newest first: opening, updates, reviews, comments, rescopes, merge or decline. */
  async listPullRequestActivity(
    repo: BbRepositoryRef,
    input: { id: number },
    options?: PageOptions,
  ): Promise<BbPage<BbActivity>> {
    return this.api.page(
      `pull request activity ${repo.workspace}/${repo.repo} ${input.id}`,
      {
        route: `${ROUTE}/activities`,
        values: datacenterAnswers.activity,
        path: datacenterPath.repository(repo, `/pull-requests/${input.id}/activities`),
      },
      options,
      (json: DatacenterActivityJson) => datacenterReviewMappers.activity(json),
    );
  }
}
