import type { CallOptions, MergeStrategy } from '../bitbucket-client.port';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import { BitbucketException } from '../bitbucket.exception';
import type { BbPullRequest } from '../model/bb-pull-request';
import type { BbRepositoryRef } from '../model/bb-repository-ref';
import type { DatacenterApi } from './datacenter-api';
import { DatacenterCurrentUser } from './datacenter-current-user';
import { datacenterPath } from './datacenter-path';
import { fetchDatacenterPullRequest } from './datacenter-pull-request-fetch';
import type { DatacenterPullRequestJson } from './datacenter-review-json';
import { datacenterReviewMappers } from './datacenter-review-mappers';
import { refuseSourceBranchDeletion } from './datacenter-source-branch-deletion';
import { datacenterVersionedWrite } from './datacenter-versioned-write';
import { upstreamPath } from '../upstream/upstream-path';
import { datacenterAnswers } from './datacenter-answers';

const PULL_REQUEST = '/rest/api/latest/projects/{key}/repos/{slug}/pull-requests/{id}';

type ReviewStatus = 'APPROVED' | 'UNAPPROVED' | 'NEEDS_WORK';

/** Data Center's merge strategy ids (docs/bitbucket-api.md#data-center-merge-strategies) for the gateway's strategies. */
const STRATEGY_IDS: Readonly<Record<MergeStrategy, string>> = {
  merge_commit: 'no-ff',
  squash: 'squash',
  fast_forward: 'ff-only',
};

/** The strategy id for a strategy named by an untyped caller; an unknown one is refused before any call. */
function strategyId(strategy: MergeStrategy): string {
  if (!Object.hasOwn(STRATEGY_IDS, strategy)) {
    throw new BitbucketException(BitbucketErrorCode.VALIDATION, `Unknown merge strategy ${strategy}`, {
      messageKey: 'BITBUCKET_MERGE_STRATEGY_INVALID',
      params: { strategy, strategies: Object.keys(STRATEGY_IDS).join(', ') },
    });
  }
  return STRATEGY_IDS[strategy];
}

/**
 * The outcome side of a Data Center pull request: the caller's review status, merge and decline.
 * Merge and decline name the version they were decided on and are not retried when it is stale: the
 * change that made it stale (new commits, other reviewers) may be a reason not to go ahead.
 */
export class DatacenterPullRequestReviewsApi {
  private readonly currentUser: DatacenterCurrentUser;

  constructor(private readonly api: DatacenterApi) {
    this.currentUser = new DatacenterCurrentUser(api);
  }

  async approvePullRequest(repo: BbRepositoryRef, input: { id: number }, options?: CallOptions): Promise<void> {
    await this.review(repo, input.id, 'APPROVED', options);
  }

  /** UNAPPROVED withdraws the caller's review, an approval or a change request. */
  async unapprovePullRequest(repo: BbRepositoryRef, input: { id: number }, options?: CallOptions): Promise<void> {
    await this.review(repo, input.id, 'UNAPPROVED', options);
  }

  /** NEEDS_WORK is "Requested changes" in the Data Center UI from 8.10. */
  async requestChanges(repo: BbRepositoryRef, input: { id: number }, options?: CallOptions): Promise<void> {
    await this.review(repo, input.id, 'NEEDS_WORK', options);
  }

  /**
   * POST …/merge?version=N. Without a strategy, the repository's default strategy applies.
   */
  async mergePullRequest(
    repo: BbRepositoryRef,
    input: { id: number; strategy?: MergeStrategy; message?: string; closeSourceBranch?: boolean },
    options?: CallOptions,
  ): Promise<BbPullRequest> {
    refuseSourceBranchDeletion(input.closeSourceBranch);
    const strategy = input.strategy === undefined ? undefined : strategyId(input.strategy);
    return this.atVersion(repo, input.id, 'merge', options, {
      ...(strategy === undefined ? {} : { strategyId: strategy }),
      ...(input.message === undefined ? {} : { message: input.message }),
    });
  }

  /**
   * A reason is posted as a comment first, where every Data Center version shows it (the decline
   * body's own `comment` is not kept visibly by every version), then the decline names the version.
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
          route: `POST ${PULL_REQUEST}/comments`,
          path: datacenterPath.repository(repo, `/pull-requests/${input.id}/comments`),
          json: { text: input.reason },
        },
        options?.signal,
      );
    }
    return this.atVersion(repo, input.id, 'decline', options, undefined);
  }

  /** The caller's own status: `participants/{userSlug}` takes no version (it is deprecated there). */
  private async review(
    repo: BbRepositoryRef,
    id: number,
    status: ReviewStatus,
    options: CallOptions | undefined,
  ): Promise<void> {
    const slug = await this.currentUser.slug(options);
    await this.api.json<unknown>(
      {
        method: 'PUT',
        route: `PUT ${PULL_REQUEST}/participants/{userSlug}`,
        path: datacenterPath.repository(
          repo,
          `/pull-requests/${id}/participants/${upstreamPath.segment('userSlug', slug)}`,
        ),
        json: { status },
      },
      options?.signal,
    );
  }

  /**
   * POST …/{action}?version=N with the version just read. Data Center's pull request does not say who
   * closed it (its activities do): the caller did, so the answer names the credential's user.
   */
  private async atVersion(
    repo: BbRepositoryRef,
    id: number,
    action: 'merge' | 'decline',
    options: CallOptions | undefined,
    body: Record<string, unknown> | undefined,
  ): Promise<BbPullRequest> {
    const json = await datacenterVersionedWrite(
      {
        label: `Pull request ${id}`,
        messageKey: 'BITBUCKET_PULL_REQUEST_OUT_OF_DATE',
        params: { repository: `${repo.workspace}/${repo.repo}`, id: id },
      },
      async () => fetchDatacenterPullRequest(this.api, repo, id, options?.signal),
      async (current) =>
        this.api.json<DatacenterPullRequestJson>(
          {
            method: 'POST',
            route: `POST ${PULL_REQUEST}/${action}`,
            answer: datacenterAnswers.pullRequest,
            path: datacenterPath.repository(repo, `/pull-requests/${id}/${action}`),
            query: { version: current.version },
            ...(body === undefined ? {} : { json: body }),
          },
          options?.signal,
        ),
      'fail',
    );
    return { ...datacenterReviewMappers.pullRequest(json), closedBy: await this.currentUser.user(options) };
  }
}
