import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakeRepository } from '../dataset/fake-repository';
import { FakeStore } from '../runtime/fake-store.service';
import { cloudErrors } from '../shared/cloud-errors';
import { cloudList } from '../shared/cloud-list';
import { CloudLinks } from './cloud-links';
import { CloudLookup } from './cloud-lookup.service';
import { cloudRepository } from './cloud-repository.representation';
import { CloudRouteRepository } from './cloud-route-repository.decorator';

@Controller('2.0/repositories')
export class CloudRepositoriesController {
  constructor(
    private readonly store: FakeStore,
    private readonly lookup: CloudLookup,
  ) {}

  /** Cross-workspace listing: removed in 2026 (CHANGE-2770). */
  @Get()
  all(): never {
    throw cloudErrors.gone();
  }

  @Get(':workspace')
  list(
    @Caller() caller: FakeIdentity,
    @Param('workspace') slug: string,
    @Req() req: Request,
    @Query('role') role?: string,
  ): Record<string, unknown> {
    const workspace = this.lookup.workspace(caller, slug);
    if (role !== undefined && !['member', 'contributor', 'admin', 'owner'].includes(role)) {
      throw cloudErrors.badRequest(`Invalid role: ${role}`, 'role');
    }
    const links = CloudLinks.of(req);
    const admin = workspace.admins.includes(caller.user.slug);
    const repositories = this.store.data.repositories.filter(
      (r) =>
        r.workspaceSlug === workspace.slug &&
        (role === undefined || role === 'member' || role === 'contributor' || admin),
    );
    return cloudList(req, repositories, (repository) => cloudRepository(repository, this.store.data, links));
  }

  @Get(':workspace/:repoSlug')
  get(@CloudRouteRepository() repository: FakeRepository, @Req() req: Request): Record<string, unknown> {
    return cloudRepository(repository, this.store.data, CloudLinks.of(req));
  }
}
