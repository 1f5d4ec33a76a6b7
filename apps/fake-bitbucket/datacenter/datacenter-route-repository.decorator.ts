import { Injectable, type PipeTransform } from '@nestjs/common';
import type { RouteTarget } from '../auth/route-target';
import { RouteTargetOf } from '../auth/route-target.decorator';
import type { FakeRepository } from '../dataset/fake-repository';
import { DatacenterLookup } from './datacenter-lookup.service';

type RepositoryParams = Readonly<{ projectKey: string; repositorySlug: string }>;

@Injectable()
class DatacenterRepositoryPipe implements PipeTransform<RouteTarget<RepositoryParams>, FakeRepository> {
  constructor(private readonly lookup: DatacenterLookup) {}

  transform({ caller, params }: RouteTarget<RepositoryParams>): FakeRepository {
    return this.lookup.repository(caller, params.projectKey, params.repositorySlug);
  }
}

/** The repository of a `projects/{projectKey}/repos/{repositorySlug}/…` route, or Data Center's 404. */
export const DatacenterRouteRepository = (): ParameterDecorator => RouteTargetOf(DatacenterRepositoryPipe);
