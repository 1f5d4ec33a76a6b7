import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import type { FakeBuildStatus } from '../dataset/fake-build-status';
import { BuildStatusOperations } from '../domain/build-status.operations';
import { FakeStore } from '../runtime/fake-store.service';
import { datacenterErrors } from '../shared/datacenter-errors';
import { datacenterPage } from '../shared/datacenter-page';
import { datacenterBuildState } from './datacenter-build-state';
import { datacenterCodeErrors } from './datacenter-code-errors';
import { datacenterLegacyBuildStatus } from './datacenter-legacy-build-status.representation';

const FULL_COMMIT_ID = /^[0-9a-f]{40}$/;

const statusSchema = z.object({
  state: datacenterBuildState.schema,
  key: z
    .string({ error: 'key is required.' })
    .trim()
    .min(1, 'key must not be blank.')
    .max(255, 'key must be 255 characters or fewer.'),
  url: z
    .string({ error: 'url is required.' })
    .trim()
    .min(1, 'url must not be blank.')
    .max(450, 'url must be 450 characters or fewer.'),
  name: z.string().max(255, 'name must be 255 characters or fewer.').optional(),
  description: z.string().max(255, 'description must be 255 characters or fewer.').optional(),
});

const ORDERS = ['NEWEST', 'OLDEST', 'STATUS'];
const STATUS_RANK: Readonly<Record<string, number>> = { FAILED: 0, INPROGRESS: 1, STOPPED: 2, SUCCESSFUL: 3 };

function ordered(statuses: FakeBuildStatus[], orderBy: string | undefined): FakeBuildStatus[] {
  const order = (orderBy ?? 'NEWEST').toUpperCase();
  if (!ORDERS.includes(order)) throw datacenterCodeErrors.invalidParameter('orderBy', orderBy ?? '', ORDERS);
  const newest = (a: FakeBuildStatus, b: FakeBuildStatus): number => b.updatedAt.getTime() - a.updatedAt.getTime();
  if (order === 'OLDEST') return statuses.sort((a, b) => -newest(a, b));
  if (order === 'STATUS')
    return statuses.sort((a, b) => (STATUS_RANK[a.state] ?? 9) - (STATUS_RANK[b.state] ?? 9) || newest(a, b));
  return statuses.sort(newest);
}

/**
 * The build-status plugin's commit-wide resources (`/rest/build-status`, deprecated since 7.14 yet
 * still what many CI tools call): statuses are per commit, one per key, updated in place.
 */
@Controller(['rest/build-status/latest', 'rest/build-status/1.0'])
export class DatacenterBuildStatusController {
  constructor(
    private readonly store: FakeStore,
    private readonly buildStatuses: BuildStatusOperations,
  ) {}

  /** At most the 100 most recent, as Data Center keeps. */
  @Get('commits/:commitId')
  list(
    @Param('commitId') commitId: string,
    @Req() req: Request,
    @Query('orderBy') orderBy?: string,
  ): Record<string, unknown> {
    const statuses = this.store.data.buildStatuses.filter((status) => status.commit === commitId);
    return datacenterPage(req, ordered(statuses, orderBy).slice(0, 100), datacenterLegacyBuildStatus, {
      maxLimit: 100,
    });
  }

  /** The commit must be a full id of a commit some repository holds; 204 with no body. */
  @Post('commits/:commitId')
  @HttpCode(204)
  add(@Param('commitId') commitId: string, @Body() body: unknown): void {
    if (!FULL_COMMIT_ID.test(commitId)) {
      throw datacenterErrors.badRequest(`'${commitId}' is not a full 40-character commit id.`, 'commitId');
    }
    const input = statusSchema.parse(body);
    const repositories = this.store.data.repositories.filter((repository) => repository.git.commits.has(commitId));
    if (repositories.length === 0) {
      throw datacenterErrors.notFound(
        `Commit '${commitId}' does not exist in any repository.`,
        'com.atlassian.bitbucket.commit.NoSuchCommitException',
      );
    }
    for (const repository of repositories) {
      this.buildStatuses.upsert(repository, commitId, {
        key: input.key,
        state: datacenterBuildState.toFake(input.state),
        url: input.url,
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.description === undefined ? {} : { description: input.description }),
      });
    }
  }
}
