import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import { PullRequestOperations } from '../domain/pull-request.operations';
import { FakeStore } from '../runtime/fake-store.service';
import { cloudErrors } from '../shared/cloud-errors';
import { CloudLinks } from './cloud-links';
import { CloudLookup } from './cloud-lookup.service';
import { cloudPullRequest } from './cloud-pull-request.representation';

/** What every Cloud pull request controller needs: finding the pull request a URL names and rendering it. */
@Injectable()
export abstract class CloudPullRequestRoutes {
  constructor(
    protected readonly store: FakeStore,
    protected readonly lookup: CloudLookup,
    protected readonly operations: PullRequestOperations,
  ) {}

  protected get data(): FakeDataset {
    return this.store.data;
  }

  /** The pull request of `W/pullrequests/{id}`, or Cloud's 404 for an unknown repository or id. */
  protected pullRequest(caller: FakeIdentity, workspace: string, repoSlug: string, id: string): FakePullRequest {
    const repository = this.lookup.repository(caller, workspace, repoSlug);
    const pr = /^\d+$/.test(id) ? this.data.findPullRequest(repository, Number(id)) : undefined;
    if (pr === undefined) throw cloudErrors.notFound();
    return pr;
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
