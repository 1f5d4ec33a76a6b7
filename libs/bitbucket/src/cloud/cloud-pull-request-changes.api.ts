import type { CallOptions, PageOptions } from '../bitbucket-client.port';
import { diffOfPaths } from '../code/diff-of-paths';
import type { BbActivity } from '../model/bb-activity';
import type { BbCommit } from '../model/bb-commit';
import type { BbFileChange } from '../model/bb-file-change';
import type { BbPage } from '../model/bb-page';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { CloudApi } from './cloud-api';
import type { CloudCommitJson, CloudDiffstatJson } from './cloud-code-json';
import { cloudCodeMappers } from './cloud-code-mappers';
import { cloudPath } from './cloud-path';
import { fetchCloudPullRequest } from './cloud-pull-request-fetch';
import type { CloudActivityJson } from './cloud-review-json';
import { cloudReviewMappers } from './cloud-review-mappers';
import { cloudAnswers } from './cloud-answers';

const ROUTE = 'GET /repositories/{workspace}/{repo}/pullrequests/{id}';

/** What a Cloud pull request changes and what happened to it: diff, diffstat, commits, activity. */
export class CloudPullRequestChangesApi {
  constructor(private readonly api: CloudApi) {}

  /**
   * The pull request's `links.diff` is where its `/diff` redirects (docs/bitbucket-api.md#cloud-diffs): the repository diff,
   * which takes `context` and repeated `path`. Without that link the redirect is followed and the
   * paths are cut out of the text here.
   */
  async getPullRequestDiff(
    repo: BbRepositoryRef,
    input: { id: number; paths?: readonly string[]; contextLines?: number },
    options?: CallOptions,
  ): Promise<string> {
    const paths = input.paths ?? [];
    const direct = (await fetchCloudPullRequest(this.api, repo, input.id, options?.signal)).links?.diff?.href;
    if (direct === undefined) {
      const diff = await this.api.text(
        { method: 'GET', route: `${ROUTE}/diff`, path: cloudPath.pullRequest(repo, input.id, '/diff') },
        options?.signal,
      );
      return paths.length === 0 ? diff : diffOfPaths(diff, paths);
    }
    return this.api.text(
      {
        method: 'GET',
        route: 'GET /repositories/{workspace}/{repo}/diff/{spec}',
        path: direct,
        query: {
          ...(input.contextLines === undefined ? {} : { context: input.contextLines }),
          ...(paths.length === 0 ? {} : { path: paths }),
        },
      },
      options?.signal,
    );
  }

  /** Served through Cloud's 302 to the repository diffstat, which the upstream follows. */
  async getPullRequestDiffstat(
    repo: BbRepositoryRef,
    input: { id: number },
    options?: PageOptions,
  ): Promise<BbPage<BbFileChange>> {
    return this.api.page(
      `pull request diffstat ${repo.workspace}/${repo.repo} ${input.id}`,
      { route: `${ROUTE}/diffstat`, path: cloudPath.pullRequest(repo, input.id, '/diffstat') },
      options,
      (json: CloudDiffstatJson) => cloudCodeMappers.fileChange(json),
    );
  }

  async listPullRequestCommits(
    repo: BbRepositoryRef,
    input: { id: number },
    options?: PageOptions,
  ): Promise<BbPage<BbCommit>> {
    return this.api.page(
      `pull request commits ${repo.workspace}/${repo.repo} ${input.id}`,
      {
        route: `${ROUTE}/commits`,
        values: cloudAnswers.commit,
        path: cloudPath.pullRequest(repo, input.id, '/commits'),
      },
      options,
      (json: CloudCommitJson) => cloudCodeMappers.commit(json),
    );
  }

  /** Updates, approvals, change requests and comments, newest first. */
  async listPullRequestActivity(
    repo: BbRepositoryRef,
    input: { id: number },
    options?: PageOptions,
  ): Promise<BbPage<BbActivity>> {
    const listing = `pull request activity ${repo.workspace}/${repo.repo} ${input.id}`;
    const request = {
      route: `${ROUTE}/activity`,
      values: cloudAnswers.activity,
      path: cloudPath.pullRequest(repo, input.id, '/activity'),
    };
    const page = await this.api.rawPage<CloudActivityJson>(listing, request, options);
    return this.api.toPage(listing, request, page, cloudReviewMappers.activities(page.values, page.next === undefined));
  }
}
