import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import { reviewArguments } from '../review-arguments';
import { taskLine, taskView, toTaskView, type TaskView } from '../task-view';

const input = z
  .object({
    ...pullRequestArguments,
    text: reviewArguments.text.describe('What has to be done.'),
    commentId: reviewArguments.commentId.optional().describe('Attach the task to this comment.'),
  })
  .strict();
const output = taskView;

@McpTool()
@Injectable()
export class CreateTaskTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'create_task',
    title: 'Create pull request task',
    description:
      'Adds an OPEN task (a to-do the author must resolve) to a pull request, optionally attached to a comment. Returns the task with its id.',
    toolset: 'reviews',
    input,
    output,
    hints: TOOL_HINTS.write,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<TaskView> {
    const task = await this.bitbucket.createTask(
      repositoryRef(args),
      {
        id: args.pullRequestId,
        text: args.text,
        ...(args.commentId === undefined ? {} : { commentId: args.commentId }),
      },
      { signal: context.signal },
    );
    return toTaskView(task);
  }

  render(task: TaskView, context: ToolContext): string {
    return `${context.t('tools.TASK_CREATED', { taskId: task.id })}\n${taskLine(task, context)}`;
  }
}
