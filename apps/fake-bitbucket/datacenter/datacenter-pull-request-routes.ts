import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { FakeIdentity } from '../auth/fake-identity';
import { FakeDomainError } from '../dataset/fake-domain.error';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import { PullRequestOperations } from '../domain/pull-request.operations';
import { FakeStore } from '../runtime/fake-store.service';
import { datacenterErrors } from '../shared/datacenter-errors';
import { DatacenterLinks } from './datacenter-links';
import { datacenterPullRequest } from './datacenter-pull-request.representation';
import type { DatacenterReviewContext } from './datacenter-review-context';

/**
 * What every Data Center pull request controller needs besides the pull request itself (that comes from
 * `@DatacenterRoutePullRequest()`): how to render it, and the version and state checks of its writes.
 */
@Injectable()
export class DatacenterPullRequestRoutes {
  constructor(
    private readonly store: FakeStore,
    private readonly operations: PullRequestOperations,
  ) {}

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
