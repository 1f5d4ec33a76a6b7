import { Body, Controller, Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import { FakeDomainError } from '../dataset/fake-domain.error';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import type { FakeRepository } from '../dataset/fake-repository';
import { PullRequestOperations } from '../domain/pull-request.operations';
import { FakeStore } from '../runtime/fake-store.service';
import { datacenterErrors } from '../shared/datacenter-errors';
import { datacenterPage } from '../shared/datacenter-page';
import { DATACENTER_PULL_REQUEST as PULL_REQUEST } from './datacenter-pull-request-route';
import { DatacenterPullRequestRoutes } from './datacenter-pull-request-routes';
import { datacenterPullRequestQuery } from './datacenter-pull-request-query';
import { datacenterPullRequest } from './datacenter-pull-request.representation';
import { datacenterRefBranch } from './datacenter-ref-branch';
import { isDatacenterRepositoryAdmin } from './datacenter-repository-admin';
import { DATACENTER_REPOSITORY as REPOSITORY } from './datacenter-repository-route';
import type { DatacenterReviewContext } from './datacenter-review-context';
import { datacenterReviewErrors } from './datacenter-review-errors';
import { DatacenterRoutePullRequest } from './datacenter-route-pull-request.decorator';
import { DatacenterRouteRepository } from './datacenter-route-repository.decorator';
import { DATACENTER_API_ROOTS } from './datacenter-routes';

const refSchema = z.object({
  id: z.string().trim().min(1, 'A ref id is required.'),
  repository: z.object({ slug: z.string(), project: z.object({ key: z.string() }) }).optional(),
});
const reviewersSchema = z.array(
  z.object({ user: z.object({ name: z.string().optional(), slug: z.string().optional() }) }),
);
const createSchema = z.object({
  title: z.string({ error: 'A title is required.' }).trim().min(1, 'A title is required.'),
  description: z.string().nullish(),
  fromRef: refSchema,
  toRef: refSchema,
  reviewers: reviewersSchema.optional(),
  draft: z.boolean().optional(),
});
const updateSchema = z.object({
  version: z.number({ error: 'The pull request version is required.' }).int().min(0),
  title: z.string().trim().min(1, 'A title is required.').optional(),
  description: z.string().nullish(),
  reviewers: reviewersSchema.optional(),
  toRef: refSchema.optional(),
  draft: z.boolean().optional(),
});
const deleteSchema = z.object({ version: z.number({ error: 'The pull request version is required.' }).int().min(0) });

const reviewerSlugs = (reviewers: z.infer<typeof reviewersSchema> | undefined): string[] =>
  (reviewers ?? []).map((r) => r.user.name ?? r.user.slug ?? '');

/** Pull requests of a repository: list, create, read, update (reviewers are replaced whole), delete. */
@Controller(DATACENTER_API_ROOTS)
export class DatacenterPullRequestsController {
  constructor(
    private readonly store: FakeStore,
    private readonly operations: PullRequestOperations,
    private readonly routes: DatacenterPullRequestRoutes,
  ) {}

  @Get(`${REPOSITORY}/pull-requests`)
  list(
    @Caller() caller: FakeIdentity,
    @DatacenterRouteRepository() repository: FakeRepository,
    @Req() req: Request,
  ): Record<string, unknown> {
    const query = req.query as Record<string, unknown>;
    const text = (name: string): string | undefined => (typeof query[name] === 'string' ? query[name] : undefined);
    const direction = (text('direction') ?? 'INCOMING').toUpperCase();
    if (direction !== 'INCOMING' && direction !== 'OUTGOING') {
      throw datacenterErrors.badRequest(`direction must be INCOMING or OUTGOING; '${direction}' is not.`, 'direction');
    }
    const at = text('at')?.replace(/^refs\/heads\//, '');
    const filterText = text('filterText')?.toLowerCase();
    const draft = text('draft')?.toLowerCase();
    const filters = [
      datacenterPullRequestQuery.state(text('state'), 'OPEN'),
      datacenterPullRequestQuery.participants(query),
      (pr: FakePullRequest) =>
        at === undefined || (direction === 'INCOMING' ? pr.destinationBranch : pr.sourceBranch) === at,
      (pr: FakePullRequest) =>
        filterText === undefined || `${pr.title}\n${pr.description}`.toLowerCase().includes(filterText),
      (pr: FakePullRequest) => draft === undefined || String(pr.draft) === draft,
    ];
    const prs = this.store.data.pullRequestsOf(repository).filter((pr) => filters.every((filter) => filter(pr)));
    const context = this.routes.context(caller, req);
    const withProperties = text('withProperties') !== 'false';
    return datacenterPage(req, datacenterPullRequestQuery.sorted(prs, text('order')), (pr) =>
      datacenterPullRequest(pr, context, { withProperties }),
    );
  }

  @Post(`${REPOSITORY}/pull-requests`)
  create(
    @Caller() caller: FakeIdentity,
    @DatacenterRouteRepository() repository: FakeRepository,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const input = createSchema.parse(body ?? {});
    const sourceBranch = datacenterRefBranch(input.fromRef, repository, 'fromRef');
    const destinationBranch = datacenterRefBranch(input.toRef, repository, 'toRef');
    const context = this.routes.context(caller, req);
    try {
      const pr = datacenterReviewErrors.conflictOnInvalid(() =>
        this.operations.create(repository, caller.user, {
          title: input.title,
          ...(input.description == null ? {} : { description: input.description }),
          sourceBranch,
          destinationBranch,
          reviewers: reviewerSlugs(input.reviewers),
          ...(input.draft === undefined ? {} : { draft: input.draft }),
        }),
      );
      return datacenterPullRequest(pr, context);
    } catch (error) {
      if (error instanceof FakeDomainError) throw this.withExistingPullRequest(error, repository, context);
      throw error;
    }
  }

  @Get(PULL_REQUEST)
  get(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Req() req: Request,
  ): Record<string, unknown> {
    return datacenterPullRequest(pr, this.routes.context(caller, req));
  }

  @Put(PULL_REQUEST)
  update(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const input = updateSchema.parse(body ?? {});
    const context = this.routes.context(caller, req);
    this.routes.checkVersion(pr, input.version, context);
    const repository = this.operations.destinationRepository(pr);
    const destinationBranch =
      input.toRef === undefined ? undefined : datacenterRefBranch(input.toRef, repository, 'toRef');
    // A PUT replaces the reviewers: a body without them leaves the pull request with none.
    const wanted = reviewerSlugs(input.reviewers).map((slug) => this.store.data.findUser(slug)?.slug ?? slug);
    const current = pr.participants.filter((p) => p.role === 'REVIEWER').map((p) => p.userSlug);
    const sameReviewers = wanted.length === current.length && wanted.every((slug) => current.includes(slug));
    datacenterReviewErrors.conflictOnInvalid(() =>
      this.operations.update(pr, caller.user, {
        ...(input.title === undefined ? {} : { title: input.title }),
        ...(input.description === undefined ? {} : { description: input.description ?? '' }),
        ...(destinationBranch === undefined ? {} : { destinationBranch }),
        ...(sameReviewers ? {} : { reviewers: wanted, removedReviewersStay: true }),
        ...(input.draft === undefined ? {} : { draft: input.draft }),
      }),
    );
    return datacenterPullRequest(pr, context);
  }

  /** Only the author or a repository administrator may delete; the body carries the version. */
  @Delete(PULL_REQUEST)
  @HttpCode(204)
  delete(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Body() body: unknown,
    @Req() req: Request,
  ): void {
    const repository = this.operations.destinationRepository(pr);
    const admin = isDatacenterRepositoryAdmin(this.store.data, repository, caller.user.slug);
    if (pr.authorSlug !== caller.user.slug && !admin) {
      throw datacenterReviewErrors.notPermitted(
        'Only the author of a pull request or a repository administrator may delete it.',
      );
    }
    const { version } = deleteSchema.parse(body ?? {});
    this.routes.checkVersion(pr, version, this.routes.context(caller, req));
    this.operations.delete(pr);
  }

  /** Data Center names the pull request that is already open between the two branches. */
  private withExistingPullRequest(
    error: FakeDomainError,
    repository: FakeRepository,
    context: DatacenterReviewContext,
  ): Error {
    const existingId = error.extra?.existingPullRequestId;
    const existing = this.store.data.pullRequestsOf(repository).find((pr) => pr.id === existingId);
    if (existing === undefined) return error;
    return datacenterErrors.error(409, error.message, error.exceptionName ?? null, {
      extra: { existingPullRequest: datacenterPullRequest(existing, context) },
    });
  }
}
