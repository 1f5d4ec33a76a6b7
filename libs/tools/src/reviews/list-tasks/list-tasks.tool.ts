import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import { toolArguments } from '../../shared/tool-arguments';
import { taskLine, taskView, toTaskView, type TaskView } from '../task-view';

const input = z.object({ ...pullRequestArguments, cursor: toolArguments.cursor, limit: toolArguments.limit }).strict();
const output = pageOutput(taskView);

@McpTool()
@Injectable()
export class ListTasksTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'list_tasks',
    title: 'List pull request tasks',
    description:
      'Lists the tasks (to-dos that block or track a pull request) with their state OPEN or RESOLVED, one line each: id, state, author, date, text, and the comment a task hangs off. Change one with update_task. Pass the cursor for more.',
    toolset: 'reviews',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<TaskView>> {
    const page = await this.bitbucket.listTasks(
      repositoryRef(args),
      { id: args.pullRequestId },
      pageOptions(args, context),
    );
    return toListing(page, toTaskView, (task) => taskLine(task, context), context);
  }

  render(listing: Listing<TaskView>, context: ToolContext): string {
    return renderListing(listing, (task) => taskLine(task, context), context);
  }
}
