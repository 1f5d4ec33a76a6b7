import { Controller, Get, Param, Query } from '@nestjs/common';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import { FakeStore } from '../runtime/fake-store.service';
import { datacenterErrors } from '../shared/datacenter-errors';
import { datacenterBuildStatus } from './datacenter-build-status.representation';
import { datacenterCodeErrors } from './datacenter-code-errors';
import { DatacenterLookup } from './datacenter-lookup.service';
import { DATACENTER_REPOSITORY, type DatacenterRepositoryParams } from './datacenter-repository-route';
import { datacenterRevision } from './datacenter-revision';
import { DATACENTER_API_ROOTS } from './datacenter-routes';

/** The repository-scoped build status resource (Data Center 7.14+): one status of a commit, by key. */
@Controller(DATACENTER_API_ROOTS)
export class DatacenterCommitBuildsController {
  constructor(
    private readonly store: FakeStore,
    private readonly lookup: DatacenterLookup,
  ) {}

  @Get(`${DATACENTER_REPOSITORY}/commits/:commitId/builds`)
  build(
    @Caller() caller: FakeIdentity,
    @Param() params: DatacenterRepositoryParams & { readonly commitId: string },
    @Query('key') key?: string,
  ): Record<string, unknown> {
    const repository = this.lookup.repository(caller, params.projectKey, params.repositorySlug);
    const commit = datacenterRevision(repository, params.commitId);
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
