import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import { commitFilter } from '../code/commit-filter';
import { readComparison } from '../code/read-comparison';
import type { BbBuildStatus } from '../model/bb-build-status';
import type { BbCommit } from '../model/bb-commit';
import type { BbComparison } from '../model/bb-comparison';
import type { BbPage } from '../model/bb-page';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { DatacenterApi } from './datacenter-api';
import type { DatacenterBuildStatusJson, DatacenterChangeJson, DatacenterCommitJson } from './datacenter-code-json';
import { datacenterCodeMappers } from './datacenter-code-mappers';
import { datacenterPath } from './datacenter-path';
import { datacenterRawDiff } from './datacenter-raw-diff';
import { DatacenterRevisions } from './datacenter-revisions';
import { upstreamPath } from '../upstream/upstream-path';
import { datacenterAnswers } from './datacenter-answers';

const REPOSITORY = '/rest/api/latest/projects/{key}/repos/{slug}';

/** A comparison counts commits and lists files over at most COMPARISON_PAGES pages (of 1000). */
const COMPARISON_PAGES = 5;

const commit = (json: DatacenterCommitJson): BbCommit => datacenterCodeMappers.commit(json);

/** Data Center commits, comparisons, diffs (docs/bitbucket-api.md#data-center-commits) and build statuses (the build-status plugin). */
export class DatacenterCommitsApi {
  private readonly revisions: DatacenterRevisions;

  constructor(private readonly api: DatacenterApi) {
    this.revisions = new DatacenterRevisions(api);
  }

  /**
   * `commits?until={ref}` (the default branch without one; a query parameter, so any ref name fits),
   * narrowed to `path` by Data Center. Its `since`/`until` name commits, not dates, and it has no author
   * parameter: those filters run here, over a bounded number of pages (filteredPage).
   */
  async listCommits(
    repo: BbRepositoryRef,
    input: { ref?: string; path?: string; author?: string; since?: string; until?: string },
    options?: PageOptions,
  ): Promise<BbPage<BbCommit>> {
    const request = {
      route: `GET ${REPOSITORY}/commits`,
      path: datacenterPath.repository(repo, '/commits'),
      values: datacenterAnswers.commit,
      query: {
        ...(input.ref === undefined || input.ref === '' ? {} : { until: input.ref }),
        ...(input.path === undefined || input.path === '' ? {} : { path: input.path }),
      },
    };
    const listing = `commits ${repo.workspace}/${repo.repo} ${JSON.stringify([input.ref, input.path, input.author, input.since, input.until])}`;
    const keep = commitFilter(input);
    return keep === undefined
      ? this.api.page(listing, request, options, commit)
      : this.api.filteredPage(listing, request, options, commit, keep);
  }

  async getCommit(repo: BbRepositoryRef, input: { hash: string }, options?: CallOptions): Promise<BbCommit> {
    return commit(
      await this.api.json<DatacenterCommitJson>(
        {
          method: 'GET',
          route: `GET ${REPOSITORY}/commits/{commitId}`,
          answer: datacenterAnswers.commit,
          path: datacenterPath.repository(repo, `/commits/${upstreamPath.segment('hash', input.hash)}`),
        },
        options?.signal,
      ),
    );
  }

  /**
   * Both refs are first resolved to their commits, so every call below sees the same two. Ahead:
   * `compare/commits?from&to`; behind: the reverse, counted; files: `compare/changes` (what `from`
   * changed since it left `to`); the merge base from `commits/{from}/merge-base` (204 when the
   * histories share none).
   */
  async compareRefs(
    repo: BbRepositoryRef,
    input: { from: string; to: string },
    options?: CallOptions,
  ): Promise<BbComparison> {
    const signal = options?.signal;
    return readComparison(input, {
      resolve: async (ref) => this.revisions.commitId(repo, ref, signal),
      between: async (from, to) => this.between(repo, from, to, signal),
      files: async (from, to) =>
        this.api.all<DatacenterChangeJson>(
          {
            route: `GET ${REPOSITORY}/compare/changes`,
            path: datacenterPath.repository(repo, '/compare/changes'),
            query: { from, to },
          },
          COMPARISON_PAGES,
          signal,
        ),
      mergeBase: async (from, to) =>
        this.api
          .json<DatacenterCommitJson | undefined>(
            {
              method: 'GET',
              route: `GET ${REPOSITORY}/commits/{commitId}/merge-base`,
              answer: datacenterAnswers.commit,
              path: datacenterPath.repository(repo, `/commits/${upstreamPath.segment('from', from)}/merge-base`),
              query: { otherCommitId: to },
            },
            signal,
          )
          .then((base) => base?.id),
      commit,
      fileChange: (json) => datacenterCodeMappers.fileChange(json),
    });
  }

  /**
   * Raw unified diff of one commit against its first parent: the raw `diff?until=` resource, which
   * (unlike `commits/{id}/diff`) honours `contextLines` when streaming text.
   */
  async getCommitDiff(
    repo: BbRepositoryRef,
    input: { hash: string; paths?: readonly string[]; contextLines?: number },
    options?: CallOptions,
  ): Promise<string> {
    const query = {
      until: input.hash,
      ...(input.contextLines === undefined ? {} : { contextLines: input.contextLines }),
    };
    return datacenterRawDiff(
      this.api,
      input.paths ?? [],
      (path) =>
        path === undefined
          ? { method: 'GET', route: `GET ${REPOSITORY}/diff`, path: datacenterPath.repository(repo, '/diff'), query }
          : {
              method: 'GET',
              route: `GET ${REPOSITORY}/diff/{path}`,
              path: datacenterPath.repository(repo, `/diff/${upstreamPath.file('paths', path)}`),
              query,
            },
      options?.signal,
    );
  }

  /**
   * The build-status plugin's statuses of a commit (the repository-scoped `builds` resource reads one
   * status by key only). They are stored by full commit id, so the commit is resolved in the
   * repository first, which also lets a branch or tag name it.
   */
  async listBuildStatuses(
    repo: BbRepositoryRef,
    input: { commit: string },
    options?: PageOptions,
  ): Promise<BbPage<BbBuildStatus>> {
    const id = await this.revisions.commitId(repo, input.commit, options?.signal);
    return this.api.page(
      `statuses ${repo.workspace}/${repo.repo} ${input.commit}`,
      {
        route: 'GET /rest/build-status/latest/commits/{commitId}',
        path: datacenterPath.plugin('build-status', `/commits/${upstreamPath.segment('commit', id)}`),
      },
      options,
      (json: DatacenterBuildStatusJson) => datacenterCodeMappers.buildStatus(json),
    );
  }

  /** Commits on `from` and not on `to`, newest first, read to the end (at most COMPARISON_PAGES pages). */
  private async between(
    repo: BbRepositoryRef,
    from: string,
    to: string,
    signal: AbortSignal | undefined,
  ): Promise<readonly DatacenterCommitJson[]> {
    return this.api.all<DatacenterCommitJson>(
      {
        route: `GET ${REPOSITORY}/compare/commits`,
        values: datacenterAnswers.commit,
        path: datacenterPath.repository(repo, '/compare/commits'),
        query: { from, to },
      },
      COMPARISON_PAGES,
      signal,
    );
  }
}
