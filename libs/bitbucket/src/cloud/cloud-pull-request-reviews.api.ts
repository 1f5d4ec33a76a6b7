import type { CallOptions, MergeStrategy } from '../bitbucket-client.port';
import type { BbPullRequest } from '../model/bb-pull-request';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { CloudApi } from './cloud-api';
import { awaitCloudMergeTask } from './cloud-merge-task';
import { cloudPath } from './cloud-path';
import { fetchCloudPullRequest } from './cloud-pull-request-fetch';
import type { CloudPullRequestJson } from './cloud-review-json';
import { cloudReviewMappers } from './cloud-review-mappers';
import { cloudAnswers } from './cloud-answers';
import { checkAnswer } from '../upstream/answer-shape';

const MERGE_ROUTE = 'POST /repositories/{workspace}/{repo}/pullrequests/{id}/merge';

type ReviewAction = 'approve' | 'request-changes';

/** The outcome side of a Cloud pull request: approvals, change requests, merge and decline. */
export class CloudPullRequestReviewsApi {
  constructor(private readonly api: CloudApi) {}

  async approvePullRequest(repo: BbRepositoryRef, input: { id: number }, options?: CallOptions): Promise<void> {
    await this.review(repo, input.id, 'POST', 'approve', options);
  }

  async unapprovePullRequest(repo: BbRepositoryRef, input: { id: number }, options?: CallOptions): Promise<void> {
    await this.review(repo, input.id, 'DELETE', 'approve', options);
  }

  async requestChanges(repo: BbRepositoryRef, input: { id: number }, options?: CallOptions): Promise<void> {
    await this.review(repo, input.id, 'POST', 'request-changes', options);
  }

  /**
   * 200 with the merged pull request, or 202 with a task-status Location to poll (awaitCloudMergeTask);
   * an answer without the pull request is followed by a read of it.
   */
  async mergePullRequest(
    repo: BbRepositoryRef,
    input: { id: number; strategy?: MergeStrategy; message?: string; closeSourceBranch?: boolean },
    options?: CallOptions,
  ): Promise<BbPullRequest> {
    const path = cloudPath.pullRequest(repo, input.id, '/merge');
    const response = await this.api.send(
      {
        method: 'POST',
        route: MERGE_ROUTE,
        path,
        json: {
          merge_strategy: input.strategy ?? 'merge_commit',
          ...(input.message === undefined ? {} : { message: input.message }),
          ...(input.closeSourceBranch === undefined ? {} : { close_source_branch: input.closeSourceBranch }),
        },
      },
      options?.signal,
    );
    const location = response.header('location');
    let merged: CloudPullRequestJson | undefined;
    if (response.status === 202 && location !== undefined) {
      const taskStatus = new URL(location, this.api.upstream.url({ path })).toString();
      merged = await awaitCloudMergeTask(this.api, taskStatus, options?.signal);
    } else if (response.status === 200 && response.body.length > 0) {
      merged = response.json<CloudPullRequestJson>();
      checkAnswer(merged, cloudAnswers.pullRequest, MERGE_ROUTE);
    }
    return cloudReviewMappers.pullRequest(
      merged ?? (await fetchCloudPullRequest(this.api, repo, input.id, options?.signal)),
    );
  }

  /**
   * Cloud's decline takes no reason, so a given reason is first posted as a comment, where reviewers
   * see it (as Data Center shows its decline comment).
   */
  async declinePullRequest(
    repo: BbRepositoryRef,
    input: { id: number; reason?: string },
    options?: CallOptions,
  ): Promise<BbPullRequest> {
    if (input.reason !== undefined && input.reason !== '') {
      await this.api.json<unknown>(
        {
          method: 'POST',
          route: 'POST /repositories/{workspace}/{repo}/pullrequests/{id}/comments',
          path: cloudPath.pullRequest(repo, input.id, '/comments'),
          json: { content: { raw: input.reason } },
        },
        options?.signal,
      );
    }
    const json = await this.api.json<CloudPullRequestJson>(
      {
        method: 'POST',
        route: 'POST /repositories/{workspace}/{repo}/pullrequests/{id}/decline',
        answer: cloudAnswers.pullRequest,
        path: cloudPath.pullRequest(repo, input.id, '/decline'),
      },
      options?.signal,
    );
    return cloudReviewMappers.pullRequest(json);
  }

  private async review(
    repo: BbRepositoryRef,
    id: number,
    method: 'POST' | 'DELETE',
    action: ReviewAction,
    options: CallOptions | undefined,
  ): Promise<void> {
    await this.api.json<unknown>(
      {
        method,
        route: `${method} /repositories/{workspace}/{repo}/pullrequests/{id}/${action}`,
        path: cloudPath.pullRequest(repo, id, `/${action}`),
      },
      options?.signal,
    );
  }
}
