import type { BbPage, BbRepositoryRef, BbTask, PageOptions } from '@app/bitbucket';
import { McpTool } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { PullRequestListingTool } from '../../shared/pull-request-listing.tool-base';
import { taskLine, taskView, toTaskView } from '../task-view';

@McpTool()
@Injectable()
export class ListTasksTool extends PullRequestListingTool<BbTask, typeof taskView> {
  readonly definition = PullRequestListingTool.define(taskView, {
    name: 'list_tasks',
    title: 'List pull request tasks',
    description:
      'Lists the tasks (to-dos that block or track a pull request) with their state OPEN or RESOLVED, one line each: id, state, author, date, text, and the comment a task hangs off. Change one with update_task. Pass the cursor for more.',
    toolset: 'reviews',
  });
  protected readonly view = toTaskView;
  protected readonly line = taskLine;

  protected async list(repo: BbRepositoryRef, input: { id: number }, options: PageOptions): Promise<BbPage<BbTask>> {
    return this.bitbucket.listTasks(repo, input, options);
  }
}
