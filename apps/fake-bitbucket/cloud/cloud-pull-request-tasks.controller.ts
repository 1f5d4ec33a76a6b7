import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import type { FakePullRequest } from '../dataset/fake-pull-request';
import { cloudList } from '../shared/cloud-list';
import { CloudLinks } from './cloud-links';
import { CloudPullRequestRoutes } from './cloud-pull-request-routes';
import { CloudRoutePullRequest } from './cloud-route-pull-request.decorator';
import { cloudTask } from './cloud-task.representation';

const contentSchema = z.object({ raw: z.string() });
const createSchema = z.object({
  content: contentSchema,
  comment: z.object({ id: z.number().int() }).optional(),
});
const updateSchema = z.object({
  content: contentSchema.optional(),
  state: z.enum(['RESOLVED', 'UNRESOLVED']).optional(),
});

/** GET|POST W/pullrequests/{id}/tasks, GET|PUT|DELETE …/tasks/{task_id}: tasks are comments of kind `task`. */
@Controller('2.0/repositories/:workspace/:repoSlug/pullrequests/:pullRequestId/tasks')
export class CloudPullRequestTasksController extends CloudPullRequestRoutes {
  @Get()
  list(@CloudRoutePullRequest() pr: FakePullRequest, @Req() req: Request): Record<string, unknown> {
    const links = CloudLinks.of(req);
    const tasks = this.data.commentsOf(pr).filter((c) => c.kind === 'task' && !c.deleted);
    return cloudList(req, tasks, (task) => cloudTask(task, pr, this.data, links));
  }

  @Post()
  create(
    @Caller() caller: FakeIdentity,
    @CloudRoutePullRequest() pr: FakePullRequest,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const input = createSchema.parse(body);
    const anchor = input.comment === undefined ? undefined : this.operations.comment(pr, input.comment.id, 'comment');
    const task = this.operations.addComment(pr, caller.user, {
      text: input.content.raw,
      kind: 'task',
      anchorCommentId: anchor?.id,
    });
    return cloudTask(task, pr, this.data, CloudLinks.of(req));
  }

  @Get(':taskId')
  get(
    @CloudRoutePullRequest() pr: FakePullRequest,
    @Param('taskId') taskId: string,
    @Req() req: Request,
  ): Record<string, unknown> {
    return cloudTask(this.comment(pr, taskId, 'task'), pr, this.data, CloudLinks.of(req));
  }

  /** Edits the text (its creator only) and/or moves the task between UNRESOLVED and RESOLVED. */
  @Put(':taskId')
  update(
    @Caller() caller: FakeIdentity,
    @CloudRoutePullRequest() pr: FakePullRequest,
    @Param('taskId') taskId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Record<string, unknown> {
    const input = updateSchema.parse(body);
    const task = this.comment(pr, taskId, 'task');
    if (input.content !== undefined) this.operations.editComment(task, caller.user, input.content.raw);
    if (input.state !== undefined) {
      this.operations.setTaskState(task, caller.user, input.state === 'RESOLVED' ? 'RESOLVED' : 'OPEN');
    }
    return cloudTask(task, pr, this.data, CloudLinks.of(req));
  }

  @Delete(':taskId')
  @HttpCode(204)
  remove(
    @Caller() caller: FakeIdentity,
    @CloudRoutePullRequest() pr: FakePullRequest,
    @Param('taskId') taskId: string,
  ): void {
    this.operations.deleteComment(pr, this.comment(pr, taskId, 'task'), caller.user);
  }
}
