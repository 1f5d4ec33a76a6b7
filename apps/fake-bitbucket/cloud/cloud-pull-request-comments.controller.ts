import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakeComment, FakeInlineAnchor } from '../dataset/fake-comment';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import { cloudErrors } from '../shared/cloud-errors';
import { cloudList } from '../shared/cloud-list';
import { cloudAccount } from './cloud-account.representation';
import { cloudComment } from './cloud-comment.representation';
import { CLOUD_DIFF_CONTEXT } from './cloud-diff-context';
import { CloudLinks } from './cloud-links';
import { CloudPullRequestRoutes } from './cloud-pull-request-routes';
import { CloudRoutePullRequest } from './cloud-route-pull-request.decorator';

const line = z.number().int().min(1).nullish();
const contentSchema = z.object({ raw: z.string() });
const createSchema = z.object({
  content: contentSchema,
  inline: z.object({ path: z.string().min(1), from: line, to: line }).optional(),
  parent: z.object({ id: z.number().int() }).optional(),
});
const updateSchema = z.object({ content: contentSchema });

/** GET|POST W/pullrequests/{id}/comments, GET|PUT|DELETE …/{comment_id}, POST|DELETE …/{comment_id}/resolve. */
@Controller('2.0/repositories/:workspace/:repoSlug/pullrequests/:pullRequestId/comments')
export class CloudPullRequestCommentsController extends CloudPullRequestRoutes {
  /** Every comment in creation order, deleted ones included; tasks live under /tasks. */
  @Get()
  list(@CloudRoutePullRequest() pr: FakePullRequest, @Req() req: Request): Record<string, unknown> {
    const links = CloudLinks.of(req);
    const comments = this.data.commentsOf(pr).filter((c) => c.kind === 'comment');
    return cloudList(req, comments, (comment) => cloudComment(comment, pr, this.data, links));
  }

  @Post()
  create(
    @Caller() caller: FakeIdentity,
    @CloudRoutePullRequest() pr: FakePullRequest,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const input = createSchema.parse(body);
    // An anchor on the old side wins: Cloud drops `to` when `from` is given.
    const inline: FakeInlineAnchor | undefined =
      input.inline === undefined
        ? undefined
        : {
            path: input.inline.path,
            ...(input.inline.from == null ? { to: input.inline.to ?? undefined } : { from: input.inline.from }),
          };
    const refusal = inline === undefined ? undefined : this.operations.anchorRefusal(pr, inline, CLOUD_DIFF_CONTEXT);
    if (refusal !== undefined) throw cloudErrors.badRequest(refusal);
    const comment = this.operations.addComment(pr, caller.user, {
      text: input.content.raw,
      parentId: input.parent?.id,
      inline,
    });
    return cloudComment(comment, pr, this.data, CloudLinks.of(req));
  }

  /** A deleted comment still answers, with `deleted: true`, as listings show it. */
  @Get(':commentId')
  get(
    @CloudRoutePullRequest() pr: FakePullRequest,
    @Param('commentId') commentId: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    const comment = this.data.commentsOf(pr).find((c) => c.kind === 'comment' && String(c.id) === commentId);
    if (comment === undefined) throw cloudErrors.notFound();
    return cloudComment(comment, pr, this.data, CloudLinks.of(req));
  }

  @Put(':commentId')
  update(
    @Caller() caller: FakeIdentity,
    @CloudRoutePullRequest() pr: FakePullRequest,
    @Param('commentId') commentId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const input = updateSchema.parse(body);
    const comment = this.operations.editComment(this.comment(pr, commentId, 'comment'), caller.user, input.content.raw);
    return cloudComment(comment, pr, this.data, CloudLinks.of(req));
  }

  @Delete(':commentId')
  @HttpCode(204)
  remove(
    @Caller() caller: FakeIdentity,
    @CloudRoutePullRequest() pr: FakePullRequest,
    @Param('commentId') commentId: string,
  ): void {
    this.operations.deleteComment(pr, this.comment(pr, commentId, 'comment'), caller.user);
  }

  /** 200 with the `comment_resolution`; 409 when the thread is already resolved. */
  @Post(':commentId/resolve')
  @HttpCode(200)
  resolve(
    @Caller() caller: FakeIdentity,
    @CloudRoutePullRequest() pr: FakePullRequest,
    @Param('commentId') commentId: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    const comment = this.operations.setThreadResolved(this.thread(pr, commentId), caller.user, true);
    const links = CloudLinks.of(req);
    return {
      type: 'comment_resolution',
      user: cloudAccount(caller.user, links),
      created_on: comment.resolution?.at.toISOString(),
    };
  }

  /** Reopens a thread; the spec answers 404 when it was not resolved. */
  @Delete(':commentId/resolve')
  @HttpCode(204)
  reopen(
    @Caller() caller: FakeIdentity,
    @CloudRoutePullRequest() pr: FakePullRequest,
    @Param('commentId') commentId: string,
  ): void {
    const thread = this.thread(pr, commentId);
    if (thread.resolution === undefined) throw cloudErrors.notFound('This comment thread is not resolved.');
    this.operations.setThreadResolved(thread, caller.user, false);
  }

  /** Only the top-level comment of a thread on the diff resolves it (403 otherwise, per the spec). */
  private thread(pr: FakePullRequest, commentId: string): FakeComment {
    const comment = this.comment(pr, commentId, 'comment');
    if (comment.parentId !== undefined) throw cloudErrors.error(403, 'Only a top-level comment can be resolved.');
    if (comment.inline === undefined) throw cloudErrors.error(403, 'Only comments on the diff can be resolved.');
    return comment;
  }
}
