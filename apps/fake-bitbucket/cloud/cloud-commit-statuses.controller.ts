import { Body, Controller, Get, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { FakeBuildStatus } from '../dataset/fake-build-status';
import type { FakeRepository } from '../dataset/fake-repository';
import { BuildStatusOperations } from '../domain/build-status.operations';
import { FakeStore } from '../runtime/fake-store.service';
import { cloudErrors } from '../shared/cloud-errors';
import { cloudList } from '../shared/cloud-list';
import { cloudCommitStatus } from './cloud-commit-status.representation';
import { CloudLinks } from './cloud-links';
import { resolveCloudRevision } from './cloud-revision';
import { CloudRouteRepository } from './cloud-route-repository.decorator';

const REQUIRED = 'This field is required.';
const STATES = ['SUCCESSFUL', 'FAILED', 'INPROGRESS', 'STOPPED'] as const;
const buildStatusSchema = z.object({
  key: z.string({ error: REQUIRED }).min(1, REQUIRED),
  state: z.enum(STATES, { error: `Must be one of ${STATES.join(', ')}.` }),
  url: z.string({ error: REQUIRED }).min(1, REQUIRED),
  name: z.string().optional(),
  description: z.string().optional(),
});
const statusUpdateSchema = buildStatusSchema.partial();

/** Build statuses on a commit: one per key, a second POST with the same key updates it. */
@Controller('2.0/repositories/:workspace/:repoSlug/commit/:commit/statuses')
export class CloudCommitStatusesController {
  constructor(
    private readonly store: FakeStore,
    private readonly statuses: BuildStatusOperations,
  ) {}

  @Get()
  list(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('commit') commit: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    const hash = resolveCloudRevision(repository, commit).hash;
    const links = CloudLinks.of(req);
    const statuses = this.store.data
      .buildStatusesOf(repository, hash)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    return cloudList(req, statuses, (status) => cloudCommitStatus(status, repository, links));
  }

  /** 201 when the key is new, 200 when it overwrote an existing status. */
  @Post('build')
  create(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('commit') commit: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Record<string, unknown> {
    const hash = resolveCloudRevision(repository, commit).hash;
    const input = buildStatusSchema.parse(body);
    const existed = this.find(repository, hash, input.key) !== undefined;
    const status = this.statuses.upsert(repository, hash, input);
    res.status(existed ? 200 : 201);
    return cloudCommitStatus(status, repository, CloudLinks.of(req));
  }

  @Get('build/:key')
  get(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('commit') commit: string,
    @Param('key') key: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    const status = this.existing(repository, resolveCloudRevision(repository, commit).hash, key);
    return cloudCommitStatus(status, repository, CloudLinks.of(req));
  }

  /** The key cannot change; the other fields keep their value when left out. */
  @Put('build/:key')
  update(
    @CloudRouteRepository() repository: FakeRepository,
    @Param('commit') commit: string,
    @Param('key') key: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const hash = resolveCloudRevision(repository, commit).hash;
    const current = this.existing(repository, hash, key);
    const input = statusUpdateSchema.parse(body);
    const status = this.statuses.upsert(repository, hash, {
      key,
      state: input.state ?? current.state,
      url: input.url ?? current.url,
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.description === undefined ? {} : { description: input.description }),
    });
    return cloudCommitStatus(status, repository, CloudLinks.of(req));
  }

  private find(repository: FakeRepository, hash: string, key: string): FakeBuildStatus | undefined {
    return this.store.data.buildStatusesOf(repository, hash).find((status) => status.key === key);
  }

  private existing(repository: FakeRepository, hash: string, key: string): FakeBuildStatus {
    const status = this.find(repository, hash, key);
    if (status === undefined) throw cloudErrors.notFound(`No build status with key ${key} on commit ${hash}.`);
    return status;
  }
}
