import { Controller, Get, Param, Query } from '@nestjs/common';
import type { FakeRepository } from '../dataset/fake-repository';
import { FakeStore } from '../runtime/fake-store.service';
import { datacenterErrors } from '../shared/datacenter-errors';
import { datacenterBuildStatus } from './datacenter-build-status.representation';
import { datacenterCodeErrors } from './datacenter-code-errors';
import { DATACENTER_REPOSITORY } from './datacenter-repository-route';
import { datacenterRevision } from './datacenter-revision';
import { DatacenterRouteRepository } from './datacenter-route-repository.decorator';
import { DATACENTER_API_ROOTS } from './datacenter-routes';

/** The repository-scoped build status resource (Data Center 7.14+): one status of a commit, by key. */
@Controller(DATACENTER_API_ROOTS)
export class DatacenterCommitBuildsController {
  constructor(private readonly store: FakeStore) {}

  @Get(`${DATACENTER_REPOSITORY}/commits/:commitId/builds`)
  build(
    @DatacenterRouteRepository() repository: FakeRepository,
    @Param('commitId') commitId: string,
    @Query('key') key?: string,
  ): Record<string, unknown> {
    const commit = datacenterRevision(repository, commitId);
    if (key === undefined || key === '') throw datacenterCodeErrors.missingParameter('key');
    const status = this.store.data.buildStatusesOf(repository, commit).find((s) => s.key === key);
    if (status === undefined) {
      throw datacenterErrors.notFound(
        `No build status with key '${key}' exists for commit ${commit}.`,
        'com.atlassian.bitbucket.build.NoSuchBuildStatusException',
      );
    }
    return datacenterBuildStatus(status, repository);
  }
}
