import { Injectable, type PipeTransform } from '@nestjs/common';
import type { RouteTarget } from '../auth/route-target';
import { RouteTargetOf } from '../auth/route-target.decorator';
import type { FakeRepository } from '../dataset/fake-repository';
import { CloudLookup } from './cloud-lookup.service';

type RepositoryParams = Readonly<{ workspace: string; repoSlug: string }>;

@Injectable()
class CloudRepositoryPipe implements PipeTransform<RouteTarget<RepositoryParams>, FakeRepository> {
  constructor(private readonly lookup: CloudLookup) {}

  transform({ caller, params }: RouteTarget<RepositoryParams>): FakeRepository {
    return this.lookup.repository(caller, params.workspace, params.repoSlug);
  }
}

/** The repository of a `2.0/repositories/{workspace}/{repoSlug}/…` route, or Cloud's 404. */
export const CloudRouteRepository = (): ParameterDecorator => RouteTargetOf(CloudRepositoryPipe);
