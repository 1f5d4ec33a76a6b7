import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakeComment } from '../dataset/fake-comment';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import { PullRequestOperations } from '../domain/pull-request.operations';
import { FakeStore } from '../runtime/fake-store.service';
import { datacenterErrors } from '../shared/datacenter-errors';
import { datacenterPage } from '../shared/datacenter-page';
import { datacenterCommentStates } from './datacenter-comment-states';
import { DatacenterCommentWriter } from './datacenter-comment-writer';
import { datacenterComment } from './datacenter-comment.representation';
import { DATACENTER_PULL_REQUEST as PULL_REQUEST } from './datacenter-pull-request-route';
import { DatacenterPullRequestRoutes } from './datacenter-pull-request-routes';
import { DatacenterRoutePullRequest } from './datacenter-route-pull-request.decorator';
import { DATACENTER_API_ROOTS } from './datacenter-routes';
import { datacenterVersion } from './datacenter-version';

const COMMENTS = `${PULL_REQUEST}/comments`;
/** Tasks: since 7.2, comments of severity BLOCKER, resolved by setting their `state`. */
const BLOCKER_COMMENTS = `${PULL_REQUEST}/blocker-comments`;
const EITHER = [COMMENTS, BLOCKER_COMMENTS];
const ONE_OF_EITHER = EITHER.map((route) => `${route}/:commentId`);

/** Under /blocker-comments only tasks exist, and what is created there is a task. */
const taskRoute = (req: Request): boolean => req.path.includes('/blocker-comments');

const oldestFirst = (a: FakeComment, b: FakeComment): number =>
  a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;

/**
 * Pull request comments (general, file and line comments, replies) and blocker comments (tasks).
 * Listing comments needs a `path`: Data Center lists general comments only through the activities.
 */
@Controller(DATACENTER_API_ROOTS)
export class DatacenterPullRequestCommentsController {
  private readonly writer: DatacenterCommentWriter;

  constructor(
    store: FakeStore,
    operations: PullRequestOperations,
    private readonly routes: DatacenterPullRequestRoutes,
  ) {
    this.writer = new DatacenterCommentWriter(store, operations);
  }

  @Get(COMMENTS)
  list(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Req() req: Request,
    @Query('path') path?: string,
  ): Record<string, unknown> {
    if (path === undefined || path === '') {
      throw datacenterErrors.badRequest('A path is required to list the comments of a pull request.', 'path');
    }
    return this.page(
      pr,
      caller,
      req,
      (c) => c.parentId === undefined && c.anchorCommentId === undefined && c.inline?.path === path,
    );
  }

  @Get(BLOCKER_COMMENTS)
  listTasks(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Req() req: Request,
  ): Record<string, unknown> {
    return this.page(pr, caller, req, (c) => c.kind === 'task');
  }

  @Post(EITHER)
  create(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const comment = this.writer.create(pr, caller.user, body, taskRoute(req) ? 'task' : undefined);
    return datacenterComment(comment, pr, this.routes.context(caller, req));
  }

  @Get(ONE_OF_EITHER)
  get(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Param('commentId') commentId: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    return datacenterComment(this.comment(pr, commentId, req), pr, this.routes.context(caller, req));
  }

  @Put(ONE_OF_EITHER)
  update(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Param('commentId') commentId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const updated = this.writer.update(pr, this.comment(pr, commentId, req), caller.user, body);
    return datacenterComment(updated, pr, this.routes.context(caller, req));
  }

  @Delete(ONE_OF_EITHER)
  @HttpCode(204)
  delete(
    @Caller() caller: FakeIdentity,
    @DatacenterRoutePullRequest() pr: FakePullRequest,
    @Param('commentId') commentId: string,
    @Req() req: Request,
    @Query('version') version?: string,
  ): void {
    this.writer.delete(pr, this.comment(pr, commentId, req), caller.user, datacenterVersion(version));
  }

  private comment(pr: FakePullRequest, commentId: string, req: Request): FakeComment {
    const id = /^\d+$/.test(commentId) ? Number(commentId) : Number.NaN;
    return this.writer.find(pr, id, taskRoute(req) ? 'task' : undefined);
  }

  /** Oldest first, filtered by `states` (a comment's state is OPEN; a task's OPEN or RESOLVED). */
  private page(
    pr: FakePullRequest,
    caller: FakeIdentity,
    req: Request,
    wanted: (comment: FakeComment) => boolean,
  ): Record<string, unknown> {
    const context = this.routes.context(caller, req);
    const states = datacenterCommentStates(req.query);
    const comments = context.data
      .commentsOf(pr)
      .filter((c) => !c.deleted && wanted(c) && (states === undefined || states.includes(c.taskState ?? 'OPEN')))
      .sort(oldestFirst);
    return datacenterPage(req, comments, (comment) => datacenterComment(comment, pr, context));
  }
}
