import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { FakeComment } from '../dataset/fake-comment';
import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import { PullRequestOperations } from '../domain/pull-request.operations';
import { FakeStore } from '../runtime/fake-store.service';
import { cloudErrors } from '../shared/cloud-errors';
import { CloudLinks } from './cloud-links';
import { cloudPullRequest } from './cloud-pull-request.representation';

/**
 * What every Cloud pull request controller needs: rendering a pull request, its comments and tasks by
 * id, and the refusal to act on a closed one. The pull request itself comes from `@CloudRoutePullRequest()`.
 */
@Injectable()
export abstract class CloudPullRequestRoutes {
  constructor(
    protected readonly store: FakeStore,
    protected readonly operations: PullRequestOperations,
  ) {}

  protected get data(): FakeDataset {
    return this.store.data;
  }

  /** A live comment or task of the pull request by the id in the URL, or Cloud's 404. */
  protected comment(pr: FakePullRequest, id: string, kind: FakeComment['kind']): FakeComment {
    if (!/^\d+$/.test(id)) throw cloudErrors.notFound();
    return this.operations.comment(pr, Number(id), kind);
  }

  protected render(pr: FakePullRequest, req: Request): Record<string, unknown> {
    return cloudPullRequest(pr, this.operations, this.data, CloudLinks.of(req));
  }

  /**
   * Cloud's 400 for acting on a merged, declined or superseded pull request, worded as the spec words
   * it: `refusal` is e.g. "cannot be unapproved" or "changes cannot be requested".
   */
  protected requireOpen(pr: FakePullRequest, refusal: string): void {
    if (pr.state !== 'OPEN') {
      throw cloudErrors.badRequest(
        `Pull request ${refusal} because the pull request has already been ${pr.state.toLowerCase()}.`,
      );
    }
  }
}
