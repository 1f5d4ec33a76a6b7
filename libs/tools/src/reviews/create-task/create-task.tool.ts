import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import { reviewArguments } from '../review-arguments';
import { taskLine, taskView, toTaskView, type TaskView } from '../task-view';

const input = z
  .object({
    ...pullRequestArguments,
    text: reviewArguments.text.describe(catalogueText('create_task.params.text')),
    commentId: reviewArguments.commentId.optional().describe(catalogueText('create_task.params.commentId')),
  })
  .strict();
const output = taskView;

@McpTool()
@Injectable()
export class CreateTaskTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'create_task',
    title: catalogueText('create_task.title'),
    description: catalogueText('create_task.description'),
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
