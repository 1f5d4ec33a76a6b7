import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakePullRequest, FakeReviewStatus } from '../dataset/fake-pull-request';
import type { MergeKind } from '../domain/pull-request.operations';
import { cloudErrors } from '../shared/cloud-errors';
import { cloudCommit } from './cloud-commit.representation';
import { CloudLinks } from './cloud-links';
import { cloudParticipant } from './cloud-participant.representation';
import { CloudPullRequestRoutes } from './cloud-pull-request-routes';
import { CloudRoutePullRequest } from './cloud-route-pull-request.decorator';

/**
 * Cloud's six strategies (docs/bitbucket-api.md#cloud-pull-requests) on the fake's merge kinds. Rebasing is not modelled: the rebase
 * strategies fast-forward when they can and otherwise write a merge commit of the same content.
 */
const STRATEGY_KIND = {
  merge_commit: 'merge-commit',
  squash: 'squash',
  fast_forward: 'fast-forward',
  squash_fast_forward: 'squash-fast-forward',
  rebase_fast_forward: 'fast-forward-or-merge',
  rebase_merge: 'merge-commit',
} as const satisfies Record<string, MergeKind>;

const mergeSchema = z.object({
  type: z.string().optional(),
  message: z.string().optional(),
  close_source_branch: z.boolean().nullish(),
  merge_strategy: z.enum(Object.keys(STRATEGY_KIND) as [keyof typeof STRATEGY_KIND]).nullish(),
});

interface MergeTask {
  readonly repoKey: string;
  readonly pullRequestId: number;
  polls: number;
}

/** Approvals, change requests, decline, merge (sync or as a polled task). */
@Controller('2.0/repositories/:workspace/:repoSlug/pullrequests/:pullRequestId')
export class CloudPullRequestReviewController extends CloudPullRequestRoutes {
  /** Queued merges of each dataset; a reset starts a new dataset and so forgets them. */
  private readonly mergeTasks = new WeakMap<FakeDataset, Map<string, MergeTask>>();

  @Post('approve')
  @HttpCode(200)
  approve(
    @Caller() caller: FakeIdentity,
    @CloudRoutePullRequest() pr: FakePullRequest,
    @Req() req: Request,
  ): Record<string, unknown> {
    return this.review(pr, caller, 'approved', req);
  }

  @Delete('approve')
  @HttpCode(204)
  unapprove(@Caller() caller: FakeIdentity, @CloudRoutePullRequest() pr: FakePullRequest): void {
    this.withdraw(pr, caller, 'approved');
  }

  @Post('request-changes')
  @HttpCode(200)
  requestChanges(
    @Caller() caller: FakeIdentity,
    @CloudRoutePullRequest() pr: FakePullRequest,
    @Req() req: Request,
  ): Record<string, unknown> {
    return this.review(pr, caller, 'changes_requested', req);
  }

  @Delete('request-changes')
  @HttpCode(204)
  withdrawChangeRequest(@Caller() caller: FakeIdentity, @CloudRoutePullRequest() pr: FakePullRequest): void {
    this.withdraw(pr, caller, 'changes_requested');
  }

  @Post('decline')
  @HttpCode(200)
  decline(
    @Caller() caller: FakeIdentity,
    @CloudRoutePullRequest() pr: FakePullRequest,
    @Req() req: Request,
  ): Record<string, unknown> {
    this.requireOpen(pr, 'cannot be declined');
    return this.render(this.operations.decline(pr, caller.user), req);
  }

  /** 200 with the merged pull request, or 202 and a task-status Location when async (asked or configured). */
  @Post('merge')
  merge(
    @Caller() caller: FakeIdentity,
    @CloudRoutePullRequest() pr: FakePullRequest,
    @Query('async') async: string | undefined,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): void {
    const input = mergeSchema.parse(body ?? {});
    this.requireOpen(pr, 'cannot be merged');
    // Bitbucket prevents merging a draft until it is marked ready (Atlassian's "Draft pull requests" page).
    if (pr.draft) throw cloudErrors.badRequest('Pull request cannot be merged because the pull request is a draft.');
    this.operations.merge(pr, caller.user, {
      kind: STRATEGY_KIND[input.merge_strategy ?? 'merge_commit'],
      message: input.message,
      closeSourceBranch: input.close_source_branch ?? undefined,
    });
    if (async !== 'true' && !this.store.settings.asyncMerges) {
      res.status(200).json(this.merged(pr, req));
      return;
    }
    const taskId = String(this.data.nextId('merge-task'));
    const tasks = this.mergeTasks.get(this.data) ?? new Map<string, MergeTask>();
    tasks.set(taskId, { repoKey: pr.repoKey, pullRequestId: pr.id, polls: 0 });
    this.mergeTasks.set(this.data, tasks);
    res.status(202).setHeader('Location', this.taskStatusLink(pr, taskId, req).href);
    res.end();
  }

  /** PENDING on the first poll, then SUCCESS with the merged pull request. */
  @Get('merge/task-status/:taskId')
  mergeTaskStatus(
    @CloudRoutePullRequest() pr: FakePullRequest,
    @Param('taskId') taskId: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    const task = this.mergeTasks.get(this.data)?.get(taskId);
    if (task?.repoKey !== pr.repoKey || task.pullRequestId !== pr.id) {
      throw cloudErrors.badRequest('The provided task ID does not relate to this pull request.');
    }
    task.polls += 1;
    const links = { self: this.taskStatusLink(pr, taskId, req) };
    if (task.polls === 1) return { task_status: 'PENDING', links };
    return { task_status: 'SUCCESS', links, merge_result: this.merged(pr, req) };
  }

  private review(
    pr: FakePullRequest,
    caller: FakeIdentity,
    status: 'approved' | 'changes_requested',
    req: Request,
  ): Record<string, unknown> {
    this.requireOpen(pr, status === 'approved' ? 'cannot be approved' : 'changes cannot be requested');
    if (pr.authorSlug === caller.user.slug) {
      throw cloudErrors.badRequest(
        status === 'approved'
          ? "You can't approve your own pull request."
          : "You can't request changes on your own pull request.",
      );
    }
    return cloudParticipant(this.operations.setReviewStatus(pr, caller.user, status), this.data, CloudLinks.of(req));
  }

  /** Withdrawing a review one has not given changes nothing. */
  private withdraw(pr: FakePullRequest, caller: FakeIdentity, status: FakeReviewStatus): void {
    this.requireOpen(pr, status === 'approved' ? 'cannot be unapproved' : 'requested changes cannot be removed');
    const participant = pr.participants.find((p) => p.userSlug === caller.user.slug);
    if (participant?.status === status) this.operations.setReviewStatus(pr, caller.user, null);
  }

  /** The merge answer carries the whole merge commit, not only its hash (recorded bodies show so). */
  private merged(pr: FakePullRequest, req: Request): Record<string, unknown> {
    const repository = this.operations.destinationRepository(pr);
    const commit = repository.git.get(pr.mergeCommit ?? '');
    return { ...this.render(pr, req), merge_commit: cloudCommit(commit, repository, this.data, CloudLinks.of(req)) };
  }

  private taskStatusLink(pr: FakePullRequest, taskId: string, req: Request): { href: string } {
    return CloudLinks.of(req).api(`/repositories/${pr.repoKey}/pullrequests/${pr.id}/merge/task-status/${taskId}`);
  }
}
