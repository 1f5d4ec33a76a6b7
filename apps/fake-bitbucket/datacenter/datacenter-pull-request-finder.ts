import type { Request } from 'express';
import type { FakeIdentity } from '../auth/fake-identity';
import { FakeDomainError } from '../dataset/fake-domain.error';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import type { FakeRepository } from '../dataset/fake-repository';
import type { PullRequestOperations } from '../domain/pull-request.operations';
import type { FakeStore } from '../runtime/fake-store.service';
import { datacenterErrors } from '../shared/datacenter-errors';
import { DatacenterLinks } from './datacenter-links';
import type { DatacenterLookup } from './datacenter-lookup.service';
import type { DatacenterPullRequestParams } from './datacenter-pull-request-params';
import { datacenterPullRequest } from './datacenter-pull-request.representation';
import type { DatacenterReviewContext } from './datacenter-review-context';
import { datacenterReviewErrors } from './datacenter-review-errors';

/** What every Data Center pull request route does first: find the pull request, and how to render it. */
export class DatacenterPullRequestFinder {
  constructor(
    private readonly store: FakeStore,
    private readonly lookup: DatacenterLookup,
    private readonly operations: PullRequestOperations,
  ) {}

  repository(
    caller: FakeIdentity,
    params: Pick<DatacenterPullRequestParams, 'projectKey' | 'repositorySlug'>,
  ): FakeRepository {
    return this.lookup.repository(caller, params.projectKey, params.repositorySlug);
  }

  /** The pull request the URL names, or Data Center's 404 (an id that is not a number names none). */
  find(caller: FakeIdentity, params: DatacenterPullRequestParams): FakePullRequest {
    const repository = this.repository(caller, params);
    const id = /^\d+$/.test(params.pullRequestId) ? Number(params.pullRequestId) : Number.NaN;
    const pr = this.store.data.findPullRequest(repository, id);
    if (pr === undefined) throw datacenterReviewErrors.noSuchPullRequest(params.pullRequestId, repository);
    return pr;
  }

  context(caller: FakeIdentity, req: Request): DatacenterReviewContext {
    return {
      data: this.store.data,
      links: DatacenterLinks.of(req),
      pullRequests: this.operations,
      caller: caller.user,
    };
  }

  /** Data Center's stale-version 409 carries the current pull request, so a client can retry with it. */
  checkVersion(pr: FakePullRequest, version: number | undefined, context: DatacenterReviewContext): void {
    try {
      this.operations.checkVersion(pr, version);
    } catch (error) {
      if (!(error instanceof FakeDomainError)) throw error;
      throw datacenterErrors.error(409, error.message, error.exceptionName ?? null, {
        extra: { ...error.extra, pullRequest: datacenterPullRequest(pr, context) },
      });
    }
  }

  /** Data Center answers 409 when a pull request must be open and is not. */
  requireOpen(pr: FakePullRequest): void {
    if (pr.state !== 'OPEN') {
      throw datacenterErrors.error(
        409,
        `Pull request ${pr.id} is not open.`,
        'com.atlassian.bitbucket.pull.IllegalPullRequestStateException',
      );
    }
  }
}
