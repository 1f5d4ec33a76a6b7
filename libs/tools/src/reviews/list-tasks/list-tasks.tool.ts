import type { BbPage, BbRepositoryRef, BbTask, PageOptions } from '@app/bitbucket';
import { McpTool, catalogueText } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { PullRequestListingTool } from '../../shared/pull-request-listing.tool-base';
import { taskLine, taskView, toTaskView } from '../task-view';

@McpTool()
@Injectable()
export class ListTasksTool extends PullRequestListingTool<BbTask, typeof taskView> {
  readonly definition = PullRequestListingTool.define(taskView, {
    name: 'list_tasks',
    title: catalogueText('list_tasks.title'),
    description: catalogueText('list_tasks.description'),
    toolset: 'reviews',
  });
  protected readonly view = toTaskView;
  protected readonly line = taskLine;

  protected async list(repo: BbRepositoryRef, input: { id: number }, options: PageOptions): Promise<BbPage<BbTask>> {
    return this.bitbucket.listTasks(repo, input, options);
  }
}
