import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
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
    text: reviewArguments.text.optional().describe('The new text of the task.'),
    state: z.enum(['OPEN', 'RESOLVED']).optional().describe('RESOLVED marks it done; OPEN reopens it.'),
  })
  .strict();
const output = taskView;

@McpTool()
@Injectable()
export class UpdateTaskTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'update_task',
    title: 'Update pull request task',
    description:
      'Resolves or reopens a pull request task (state RESOLVED or OPEN) and/or changes its text. Returns the task.',
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
