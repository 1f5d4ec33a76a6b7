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
import { DatacenterLookup } from './datacenter-lookup.service';
import { DatacenterPullRequestFinder } from './datacenter-pull-request-finder';
import type { DatacenterPullRequestParams } from './datacenter-pull-request-params';
import { DATACENTER_API_ROOTS } from './datacenter-routes';
import { datacenterVersion } from './datacenter-version';

const PULL_REQUEST = 'projects/:projectKey/repos/:repositorySlug/pull-requests/:pullRequestId';
const COMMENTS = `${PULL_REQUEST}/comments`;
/** Tasks: since 7.2, comments of severity BLOCKER, resolved by setting their `state`. */
const BLOCKER_COMMENTS = `${PULL_REQUEST}/blocker-comments`;
const EITHER = [COMMENTS, BLOCKER_COMMENTS];
const ONE_OF_EITHER = EITHER.map((route) => `${route}/:commentId`);

type CommentParams = DatacenterPullRequestParams & { readonly commentId: string };

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
  private readonly finder: DatacenterPullRequestFinder;
  private readonly writer: DatacenterCommentWriter;

  constructor(store: FakeStore, lookup: DatacenterLookup, operations: PullRequestOperations) {
    this.finder = new DatacenterPullRequestFinder(store, lookup, operations);
    this.writer = new DatacenterCommentWriter(store, operations);
  }

  @Get(COMMENTS)
  list(
    @Caller() caller: FakeIdentity,
    @Param() params: DatacenterPullRequestParams,
    @Req() req: Request,
    @Query('path') path?: string,
  ): Record<string, unknown> {
    const pr = this.finder.find(caller, params);
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
    @Param() params: DatacenterPullRequestParams,
    @Req() req: Request,
  ): Record<string, unknown> {
    return this.page(this.finder.find(caller, params), caller, req, (c) => c.kind === 'task');
  }

  @Post(EITHER)
  create(
    @Caller() caller: FakeIdentity,
    @Param() params: DatacenterPullRequestParams,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const pr = this.finder.find(caller, params);
    const comment = this.writer.create(pr, caller.user, body, taskRoute(req) ? 'task' : undefined);
    return datacenterComment(comment, pr, this.finder.context(caller, req));
  }

  @Get(ONE_OF_EITHER)
  get(@Caller() caller: FakeIdentity, @Param() params: CommentParams, @Req() req: Request): Record<string, unknown> {
    const pr = this.finder.find(caller, params);
    return datacenterComment(this.comment(pr, params, req), pr, this.finder.context(caller, req));
  }

  @Put(ONE_OF_EITHER)
  update(
    @Caller() caller: FakeIdentity,
    @Param() params: CommentParams,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const pr = this.finder.find(caller, params);
    const updated = this.writer.update(pr, this.comment(pr, params, req), caller.user, body);
    return datacenterComment(updated, pr, this.finder.context(caller, req));
  }

  @Delete(ONE_OF_EITHER)
  @HttpCode(204)
  delete(
    @Caller() caller: FakeIdentity,
    @Param() params: CommentParams,
    @Req() req: Request,
    @Query('version') version?: string,
  ): void {
    const pr = this.finder.find(caller, params);
    this.writer.delete(pr, this.comment(pr, params, req), caller.user, datacenterVersion(version));
  }

  private comment(pr: FakePullRequest, params: CommentParams, req: Request): FakeComment {
    const id = /^\d+$/.test(params.commentId) ? Number(params.commentId) : Number.NaN;
    return this.writer.find(pr, id, taskRoute(req) ? 'task' : undefined);
  }

  /** Oldest first, filtered by `states` (a comment's state is OPEN; a task's OPEN or RESOLVED). */
  private page(
    pr: FakePullRequest,
    caller: FakeIdentity,
    req: Request,
    wanted: (comment: FakeComment) => boolean,
  ): Record<string, unknown> {
    const context = this.finder.context(caller, req);
    const states = datacenterCommentStates(req.query);
    const comments = context.data
      .commentsOf(pr)
      .filter((c) => !c.deleted && wanted(c) && (states === undefined || states.includes(c.taskState ?? 'OPEN')))
      .sort(oldestFirst);
    return datacenterPage(req, comments, (comment) => datacenterComment(comment, pr, context));
  }
}
