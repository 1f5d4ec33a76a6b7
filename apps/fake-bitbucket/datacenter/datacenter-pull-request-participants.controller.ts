import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakePullRequest, FakeReviewStatus } from '../dataset/fake-pull-request';
import type { FakeUser } from '../dataset/fake-user';
import { PullRequestOperations } from '../domain/pull-request.operations';
import { FakeStore } from '../runtime/fake-store.service';
import { datacenterErrors } from '../shared/datacenter-errors';
import { datacenterPage } from '../shared/datacenter-page';
import { DatacenterLinks } from './datacenter-links';
import { datacenterParticipant } from './datacenter-participant.representation';
import { DATACENTER_PULL_REQUEST as PULL_REQUEST } from './datacenter-pull-request-route';
import { DatacenterPullRequestRoutes } from './datacenter-pull-request-routes';
import { datacenterReviewErrors } from './datacenter-review-errors';
import { datacenterReviewStatus } from './datacenter-review-status';
import { DatacenterRoutePullRequest } from './datacenter-route-pull-request.decorator';
import { DATACENTER_API_ROOTS } from './datacenter-routes';
import { datacenterVersion } from './datacenter-version';

const assignSchema = z.object({
  user: z.object({ name: z.string().optional(), slug: z.string().optional() }),
  role: z.enum(['AUTHOR', 'REVIEWER', 'PARTICIPANT'], { error: 'role must be REVIEWER.' }),
});
const statusSchema = z.object({
  status: z.enum(['APPROVED', 'NEEDS_WORK', 'UNAPPROVED'], {
    error: 'status must be one of APPROVED, NEEDS_WORK, UNAPPROVED.',
  }),
  lastReviewedCommit: z.string().optional(),
});

/** Reviewers and participants, and the review loop: approve, needs work (REVIEWED), unapprove. */
@Controller(DATACENTER_API_ROOTS)
export class DatacenterPullRequestParticipantsController {
  constructor(
    private readonly store: FakeStore,
    private readonly operations: PullRequestOperations,
    private readonly routes: DatacenterPullRequestRoutes,
  ) {}

  /** The author first, then reviewers, then the other participants. */
  @Get(`${PULL_REQUEST}/participants`)
  list(@DatacenterRoutePullRequest() pr: FakePullRequest, @Req() req: Request): Record<string, unknown> {
    const links = DatacenterLinks.of(req);
    const everyone = [
      { userSlug: pr.authorSlug, role: 'AUTHOR' as const, status: null, lastReviewedCommit: undefined },
      ...pr.participants.filter((p) => p.role === 'REVIEWER'),
      ...pr.participants.filter((p) => p.role === 'PARTICIPANT'),
    ];
    return datacenterPage(req, everyone, (p) =>
      datacenterParticipant(this.store.data.user(p.userSlug), p.role, p.status, links, p.lastReviewedCommit),
    );
  }

  /** Makes a user a reviewer (the only role that can be assigned). */
  @Post(`${PULL_REQUEST}/participants`)
  @HttpCode(200)
  assign(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const input = assignSchema.parse(body ?? {});
    if (input.role !== 'REVIEWER') throw datacenterErrors.badRequest('Only the REVIEWER role can be assigned.', 'role');
    const slug = input.user.name ?? input.user.slug ?? '';
    const reviewers = this.reviewerSlugs(pr);
    if (!reviewers.includes(this.store.data.findUser(slug)?.slug ?? slug)) {
      this.operations.update(pr, caller.user, { reviewers: [...reviewers, slug] });
    }
    return this.render(pr, this.store.data.user(slug), req);
  }

  /** Sets the caller's own review status; nobody can set another user's. */
  @Put(`${PULL_REQUEST}/participants/:userSlug`)
  setStatus(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Param('userSlug') userSlug: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    if (userSlug.toLowerCase() !== caller.user.slug) {
      throw datacenterReviewErrors.notPermitted(`You are not permitted to change the review status of ${userSlug}.`);
    }
    const input = statusSchema.parse(body ?? {});
    this.routes.checkVersion(pr, datacenterVersion(req.query.version), this.routes.context(caller, req));
    this.routes.requireOpen(pr);
    if (input.lastReviewedCommit !== undefined && input.lastReviewedCommit !== this.operations.sourceHead(pr)) {
      throw datacenterErrors.error(
        409,
        `The pull request has been updated since ${input.lastReviewedCommit} was reviewed.`,
        'com.atlassian.bitbucket.pull.PullRequestOutOfDateException',
      );
    }
    return this.review(pr, caller.user, datacenterReviewStatus.toFake(input.status), req);
  }

  /** Takes the REVIEWER role away; the user stays a participant, as in Data Center. */
  @Delete(`${PULL_REQUEST}/participants/:userSlug`)
  @HttpCode(204)
  unassign(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Param('userSlug') userSlug: string,
  ): void {
    const user = this.store.data.findUser(userSlug);
    if (user === undefined) throw datacenterReviewErrors.noSuchUser(userSlug);
    const reviewers = this.reviewerSlugs(pr);
    if (reviewers.includes(user.slug)) {
      this.operations.update(pr, caller.user, {
        reviewers: reviewers.filter((slug) => slug !== user.slug),
        removedReviewersStay: true,
      });
    }
  }

  /** Deprecated since 4.2 but still served: approve as the caller. */
  @Post(`${PULL_REQUEST}/approve`)
  @HttpCode(200)
  approve(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Req() req: Request,
  ): Record<string, unknown> {
    this.routes.requireOpen(pr);
    return this.review(pr, caller.user, 'approved', req);
  }

  /** Deprecated since 4.2 but still served: withdraw the caller's approval. */
  @Delete(`${PULL_REQUEST}/approve`)
  withdrawApproval(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Req() req: Request,
  ): Record<string, unknown> {
    if (!pr.participants.some((p) => p.userSlug === caller.user.slug)) {
      throw datacenterErrors.notFound(
        `${caller.user.slug} is not a participant of pull request ${pr.id}.`,
        'com.atlassian.bitbucket.pull.NoSuchPullRequestParticipantException',
      );
    }
    this.routes.requireOpen(pr);
    return this.review(pr, caller.user, null, req);
  }

  private review(pr: FakePullRequest, user: FakeUser, status: FakeReviewStatus, req: Request): Record<string, unknown> {
    this.operations.setReviewStatus(pr, user, status);
    return this.render(pr, user, req);
  }

  private render(pr: FakePullRequest, user: FakeUser, req: Request): Record<string, unknown> {
    const participant = pr.participants.find((p) => p.userSlug === user.slug);
    return datacenterParticipant(
      user,
      participant?.role ?? 'AUTHOR',
      participant?.status ?? null,
      DatacenterLinks.of(req),
      participant?.lastReviewedCommit,
    );
  }

  private reviewerSlugs(pr: FakePullRequest): string[] {
    return pr.participants.filter((p) => p.role === 'REVIEWER').map((p) => p.userSlug);
  }
}
