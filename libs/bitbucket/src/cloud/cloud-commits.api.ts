import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import { commitFilter } from '../code/commit-filter';
import { readComparison } from '../code/read-comparison';
import type { BbBuildStatus } from '../model/bb-build-status';
import type { BbCommit } from '../model/bb-commit';
import type { BbComparison } from '../model/bb-comparison';
import type { BbPage } from '../model/bb-page';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { CloudApi } from './cloud-api';
import type { CloudCommitJson, CloudCommitStatusJson, CloudDiffstatJson } from './cloud-code-json';
import { cloudCodeMappers } from './cloud-code-mappers';
import { cloudFilteredPage } from './cloud-filtered-page';
import { cloudPath } from './cloud-path';
import { CloudRevisions } from './cloud-revisions';
import { upstreamPath } from '../upstream/upstream-path';
import { cloudAnswers } from './cloud-answers';

/** A comparison counts commits and lists files over at most COMPARISON_PAGES pages of 100. */
const COMPARISON_PAGES = 50;

/** Cloud commits, comparisons, diffs and build statuses (docs/bitbucket-api.md#cloud-commits, docs/bitbucket-api.md#cloud-diffs). */
export class CloudCommitsApi {
  private readonly revisions: CloudRevisions;

  constructor(private readonly api: CloudApi) {
    this.revisions = new CloudRevisions(api);
  }

  /**
   * `commits?include={ref}` (every branch and tag without one; a query parameter, so refs with slashes
   * need no path encoding), narrowed to `path` by Cloud. Cloud cannot filter on author or date: those
   * filters run here, over a bounded number of pages (cloudFilteredPage).
   */
  async listCommits(
    repo: BbRepositoryRef,
    input: { ref?: string; path?: string; author?: string; since?: string; until?: string },
    options?: PageOptions,
  ): Promise<BbPage<BbCommit>> {
    const request = {
      route: 'GET /repositories/{workspace}/{repo}/commits',
      path: cloudPath.repository(repo, '/commits'),
      values: cloudAnswers.commit,
      query: {
        ...(input.ref === undefined || input.ref === '' ? {} : { include: input.ref }),
        ...(input.path === undefined || input.path === '' ? {} : { path: input.path }),
      },
    };
    const listing = `commits ${repo.workspace}/${repo.repo} ${JSON.stringify([input.ref, input.path, input.author, input.since, input.until])}`;
    const keep = commitFilter(input);
    const map = (json: CloudCommitJson): BbCommit => cloudCodeMappers.commit(json);
    return keep === undefined
      ? this.api.page(listing, request, options, map)
      : cloudFilteredPage(this.api, listing, request, options, map, keep);
  }

  async getCommit(repo: BbRepositoryRef, input: { hash: string }, options?: CallOptions): Promise<BbCommit> {
    return cloudCodeMappers.commit(
      await this.api.json<CloudCommitJson>(
        {
          method: 'GET',
          route: 'GET /repositories/{workspace}/{repo}/commit/{commit}',
          answer: cloudAnswers.commit,
          path: cloudPath.repository(repo, `/commit/${upstreamPath.segment('hash', input.hash)}`),
        },
        options?.signal,
      ),
    );
  }

  /**
   * Both refs are first resolved to their head commits, so the specs below hold plain hashes. Ahead:
   * `commits?include=from&exclude=to`; behind: the reverse, counted; files: `diffstat/{from}..{to}`
   * (Cloud puts the side with the changes first, the opposite of `git diff`) from the merge base.
   */
  async compareRefs(
    repo: BbRepositoryRef,
    input: { from: string; to: string },
    options?: CallOptions,
  ): Promise<BbComparison> {
    const signal = options?.signal;
    return readComparison(input, {
      resolve: async (ref) => this.revisions.head(repo, ref, signal),
      between: async (include, exclude) => this.between(repo, include, exclude, signal),
      files: async (from, to) =>
        this.api.all<CloudDiffstatJson>(
          {
            route: 'GET /repositories/{workspace}/{repo}/diffstat/{spec}',
            path: cloudPath.repository(
              repo,
              `/diffstat/${upstreamPath.segment('from', from)}..${upstreamPath.segment('to', to)}`,
            ),
            query: { topic: true },
          },
          COMPARISON_PAGES,
          signal,
        ),
      mergeBase: async (from, to) =>
        this.api
          .json<CloudCommitJson>(
            {
              method: 'GET',
              route: 'GET /repositories/{workspace}/{repo}/merge-base/{revspec}',
              answer: cloudAnswers.commit,
              path: cloudPath.repository(
                repo,
                `/merge-base/${upstreamPath.segment('from', from)}..${upstreamPath.segment('to', to)}`,
              ),
            },
            signal,
          )
          .then((base) => base.hash),
      commit: (json) => cloudCodeMappers.commit(json),
      fileChange: (json) => cloudCodeMappers.fileChange(json),
    });
  }

  /** Raw unified diff of one commit against its first parent. */
  async getCommitDiff(
    repo: BbRepositoryRef,
    input: { hash: string; paths?: readonly string[]; contextLines?: number },
    options?: CallOptions,
  ): Promise<string> {
    return this.api.text(
      {
        method: 'GET',
        route: 'GET /repositories/{workspace}/{repo}/diff/{spec}',
        path: cloudPath.repository(repo, `/diff/${upstreamPath.segment('hash', input.hash)}`),
        query: {
          ...(input.contextLines === undefined ? {} : { context: input.contextLines }),
          ...(input.paths === undefined || input.paths.length === 0 ? {} : { path: input.paths }),
        },
      },
      options?.signal,
    );
  }

  async listBuildStatuses(
    repo: BbRepositoryRef,
    input: { commit: string },
    options?: PageOptions,
  ): Promise<BbPage<BbBuildStatus>> {
    return this.api.page(
      `statuses ${repo.workspace}/${repo.repo} ${input.commit}`,
      {
        route: 'GET /repositories/{workspace}/{repo}/commit/{commit}/statuses',
        path: cloudPath.repository(repo, `/commit/${upstreamPath.segment('commit', input.commit)}/statuses`),
      },
      options,
      (json: CloudCommitStatusJson) => cloudCodeMappers.buildStatus(json),
    );
  }

  /** Commits on `include` and not on `exclude`, newest first, read to the end (at most COMPARISON_PAGES pages). */
  private async between(
    repo: BbRepositoryRef,
    include: string,
    exclude: string,
    signal: AbortSignal | undefined,
  ): Promise<readonly CloudCommitJson[]> {
    return this.api.all<CloudCommitJson>(
      {
        route: 'GET /repositories/{workspace}/{repo}/commits',
        values: cloudAnswers.commit,
        path: cloudPath.repository(repo, '/commits'),
        query: { include, exclude },
      },
      COMPARISON_PAGES,
      signal,
    );
  }
}
