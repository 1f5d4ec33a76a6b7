import { Injectable, type PipeTransform } from '@nestjs/common';
import type { RouteTarget } from '../auth/route-target';
import { RouteTargetOf } from '../auth/route-target.decorator';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import { CloudLookup } from './cloud-lookup.service';

type PullRequestParams = Readonly<{ workspace: string; repoSlug: string; pullRequestId: string }>;

@Injectable()
class CloudPullRequestPipe implements PipeTransform<RouteTarget<PullRequestParams>, FakePullRequest> {
  constructor(private readonly lookup: CloudLookup) {}

  transform({ caller, params }: RouteTarget<PullRequestParams>): FakePullRequest {
    return this.lookup.pullRequest(caller, params.workspace, params.repoSlug, params.pullRequestId);
  }
}

/** The pull request of a `…/pullrequests/{pullRequestId}/…` route, or Cloud's 404. */
export const CloudRoutePullRequest = (): ParameterDecorator => RouteTargetOf(CloudPullRequestPipe);
