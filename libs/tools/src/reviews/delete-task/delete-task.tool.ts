import { BitbucketClient } from '@app/bitbucket';
import {
  confirmArgument,
  McpTool,
  TOOL_HINTS,
  ToolHandler,
  catalogueText,
  type ToolContext,
  type ToolDefinition,
} from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import { reviewArguments } from '../review-arguments';

const input = z.object({ ...pullRequestArguments, taskId: reviewArguments.taskId, confirm: confirmArgument }).strict();
const output = z.object({ pullRequestId: z.number().int(), taskId: z.number().int(), deleted: z.literal(true) });

@McpTool()
@Injectable()
export class DeleteTaskTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'delete_task',
    title: catalogueText('delete_task.title'),
    description: catalogueText('delete_task.description'),
    toolset: 'reviews',
    input,
    output,
    hints: TOOL_HINTS.destructive,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<z.output<typeof output>> {
    await this.bitbucket.deleteTask(
      repositoryRef(args),
      { id: args.pullRequestId, taskId: args.taskId },
      { signal: context.signal },
    );
    return { pullRequestId: args.pullRequestId, taskId: args.taskId, deleted: true };
  }

  render(result: z.output<typeof output>, context: ToolContext): string {
    return context.t('tools.TASK_DELETED', { taskId: result.taskId, id: result.pullRequestId });
  }
}
