import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import { ToolArgumentsException } from '../../shared/tool-arguments.exception';
import { reviewArguments } from '../review-arguments';
import { taskLine, taskView, toTaskView, type TaskView } from '../task-view';

const input = z
  .object({
    ...pullRequestArguments,
    taskId: reviewArguments.taskId,
    text: reviewArguments.text.optional().describe(catalogueText('update_task.params.text')),
    state: z.enum(['OPEN', 'RESOLVED']).optional().describe(catalogueText('update_task.params.state')),
  })
  .strict();
const output = taskView;

@McpTool()
@Injectable()
export class UpdateTaskTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'update_task',
    title: catalogueText('update_task.title'),
    description: catalogueText('update_task.description'),
    toolset: 'reviews',
    input,
    output,
    hints: TOOL_HINTS.idempotentWrite,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<TaskView> {
    if (args.text === undefined && args.state === undefined) {
      throw new ToolArgumentsException(this.definition.name, context.t('tools.TASK_NOTHING_TO_UPDATE'));
    }
    const task = await this.bitbucket.updateTask(
      repositoryRef(args),
      {
        id: args.pullRequestId,
        taskId: args.taskId,
        ...(args.text === undefined ? {} : { text: args.text }),
        ...(args.state === undefined ? {} : { state: args.state }),
      },
      { signal: context.signal },
    );
    return toTaskView(task);
  }

  render(task: TaskView, context: ToolContext): string {
    return `${context.t('tools.TASK_UPDATED', { taskId: task.id })}\n${taskLine(task, context)}`;
  }
}
