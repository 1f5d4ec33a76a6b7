import { Controller, Get, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import { FakeClock } from '../runtime/fake-clock.service';
import { FakeStore } from '../runtime/fake-store.service';
import { datacenterErrors } from '../shared/datacenter-errors';
import { datacenterPage } from '../shared/datacenter-page';
import { DatacenterLookup } from './datacenter-lookup.service';
import { DatacenterPullRequestRoutes } from './datacenter-pull-request-routes';
import { datacenterPullRequestQuery } from './datacenter-pull-request-query';
import { datacenterPullRequest } from './datacenter-pull-request.representation';
import { datacenterReviewErrors } from './datacenter-review-errors';
import { DATACENTER_API_ROOTS } from './datacenter-routes';

/** The caller's pull requests across every repository they can see: the dashboard and the inbox. */
@Controller(DATACENTER_API_ROOTS)
export class DatacenterPullRequestDashboardController {
  constructor(
    private readonly store: FakeStore,
    private readonly lookup: DatacenterLookup,
    private readonly routes: DatacenterPullRequestRoutes,
    private readonly clock: FakeClock,
  ) {}

  /** Pull requests a user authors, reviews or takes part in, in any state unless `state` says. */
  @Get('dashboard/pull-requests')
  dashboard(
    @Caller() caller: FakeIdentity,
    @Req() req: Request,
    @Query('user') userName?: string,
    @Query('role') role?: string,
    @Query('state') state?: string,
    @Query('participantStatus') participantStatus?: string,
    @Query('order') order?: string,
    @Query('closedSince') closedSince?: string,
  ): Record<string, unknown> {
    const user = userName === undefined || userName === '' ? caller.user : this.store.data.findUser(userName);
    if (user === undefined) throw datacenterReviewErrors.noSuchUser(userName ?? '');
    const since = closedSince === undefined || closedSince === '' ? undefined : Number(closedSince);
    if (since !== undefined && !(Number.isInteger(since) && since >= 0)) {
      throw datacenterErrors.badRequest('closedSince must be a number of seconds.', 'closedSince');
    }
    const earliest = since === undefined ? 0 : this.clock.now().getTime() - since * 1000;
    const filters = [
      datacenterPullRequestQuery.role(role, user.slug),
      datacenterPullRequestQuery.state(state, 'ALL'),
      datacenterPullRequestQuery.participantStatus(participantStatus, user.slug),
      (pr: FakePullRequest) => since === undefined || (pr.closedAt?.getTime() ?? Number.POSITIVE_INFINITY) >= earliest,
    ];
    return this.page(caller, req, datacenterPullRequestQuery.sorted(this.visible(caller, filters), order, true));
  }

  /** Open pull requests waiting on the caller: as a reviewer who has not approved yet (the default), or as author. */
  @Get('inbox/pull-requests')
  inbox(@Caller() caller: FakeIdentity, @Req() req: Request, @Query('role') role?: string): Record<string, unknown> {
    const wanted = (role ?? 'REVIEWER').toUpperCase();
    const slug = caller.user.slug;
    const filters = [
      datacenterPullRequestQuery.state('OPEN', 'OPEN'),
      datacenterPullRequestQuery.role(wanted, slug),
      (pr: FakePullRequest) =>
        wanted !== 'REVIEWER' || pr.participants.find((p) => p.userSlug === slug)?.status !== 'approved',
    ];
    return this.page(caller, req, datacenterPullRequestQuery.sorted(this.visible(caller, filters), undefined));
  }

  private visible(caller: FakeIdentity, filters: readonly ((pr: FakePullRequest) => boolean)[]): FakePullRequest[] {
    const data = this.store.data;
    return data.pullRequests.filter((pr) => {
      const project = data.findProject(data.repositoryByKey(pr.repoKey).projectKey);
      return project !== undefined && this.lookup.canSee(caller, project) && filters.every((filter) => filter(pr));
    });
  }

  private page(caller: FakeIdentity, req: Request, prs: readonly FakePullRequest[]): Record<string, unknown> {
    const context = this.routes.context(caller, req);
    return datacenterPage(req, prs, (pr) => datacenterPullRequest(pr, context));
  }
}
