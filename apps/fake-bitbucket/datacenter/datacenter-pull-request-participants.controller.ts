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
import { DatacenterLookup } from './datacenter-lookup.service';
import { datacenterParticipant } from './datacenter-participant.representation';
import { DatacenterPullRequestFinder } from './datacenter-pull-request-finder';
import type { DatacenterPullRequestParams } from './datacenter-pull-request-params';
import { datacenterReviewErrors } from './datacenter-review-errors';
import { datacenterReviewStatus } from './datacenter-review-status';
import { DATACENTER_API_ROOTS } from './datacenter-routes';
import { datacenterVersion } from './datacenter-version';

const PULL_REQUEST = 'projects/:projectKey/repos/:repositorySlug/pull-requests/:pullRequestId';

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

type ParticipantParams = DatacenterPullRequestParams & { readonly userSlug: string };

/** Reviewers and participants, and the review loop: approve, needs work (REVIEWED), unapprove. */
@Controller(DATACENTER_API_ROOTS)
export class DatacenterPullRequestParticipantsController {
  private readonly finder: DatacenterPullRequestFinder;

  constructor(
    private readonly store: FakeStore,
    lookup: DatacenterLookup,
    private readonly operations: PullRequestOperations,
  ) {
    this.finder = new DatacenterPullRequestFinder(store, lookup, operations);
  }

  /** The author first, then reviewers, then the other participants. */
  @Get(`${PULL_REQUEST}/participants`)
  list(
    @Caller() caller: FakeIdentity,
    @Param() params: DatacenterPullRequestParams,
    @Req() req: Request,
  ): Record<string, unknown> {
    const pr = this.finder.find(caller, params);
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
    @Param() params: DatacenterPullRequestParams,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const pr = this.finder.find(caller, params);
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
    @Param() params: ParticipantParams,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const pr = this.finder.find(caller, params);
    if (params.userSlug.toLowerCase() !== caller.user.slug) {
      throw datacenterReviewErrors.notPermitted(
        `You are not permitted to change the review status of ${params.userSlug}.`,
      );
    }
    const input = statusSchema.parse(body ?? {});
    this.finder.checkVersion(pr, datacenterVersion(req.query.version), this.finder.context(caller, req));
    this.finder.requireOpen(pr);
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
  unassign(@Caller() caller: FakeIdentity, @Param() params: ParticipantParams): void {
    const pr = this.finder.find(caller, params);
    const user = this.store.data.findUser(params.userSlug);
    if (user === undefined) throw datacenterReviewErrors.noSuchUser(params.userSlug);
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
    @Param() params: DatacenterPullRequestParams,
    @Req() req: Request,
  ): Record<string, unknown> {
    const pr = this.finder.find(caller, params);
    this.finder.requireOpen(pr);
    return this.review(pr, caller.user, 'approved', req);
  }

  /** Deprecated since 4.2 but still served: withdraw the caller's approval. */
  @Delete(`${PULL_REQUEST}/approve`)
  withdrawApproval(
    @Caller() caller: FakeIdentity,
    @Param() params: DatacenterPullRequestParams,
    @Req() req: Request,
  ): Record<string, unknown> {
    const pr = this.finder.find(caller, params);
    if (!pr.participants.some((p) => p.userSlug === caller.user.slug)) {
      throw datacenterErrors.notFound(
        `${caller.user.slug} is not a participant of pull request ${pr.id}.`,
        'com.atlassian.bitbucket.pull.NoSuchPullRequestParticipantException',
      );
    }
    this.finder.requireOpen(pr);
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
