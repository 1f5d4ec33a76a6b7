import { Injectable, type PipeTransform } from '@nestjs/common';
import type { RouteTarget } from '../auth/route-target';
import { RouteTargetOf } from '../auth/route-target.decorator';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import { DatacenterLookup } from './datacenter-lookup.service';

type PullRequestParams = Readonly<{ projectKey: string; repositorySlug: string; pullRequestId: string }>;

@Injectable()
class DatacenterPullRequestPipe implements PipeTransform<RouteTarget<PullRequestParams>, FakePullRequest> {
  constructor(private readonly lookup: DatacenterLookup) {}

  transform({ caller, params }: RouteTarget<PullRequestParams>): FakePullRequest {
    return this.lookup.pullRequest(caller, params.projectKey, params.repositorySlug, params.pullRequestId);
  }
}

/** The pull request of a `…/pull-requests/{pullRequestId}/…` route, or Data Center's 404. */
export const DatacenterRoutePullRequest = (): ParameterDecorator => RouteTargetOf(DatacenterPullRequestPipe);
