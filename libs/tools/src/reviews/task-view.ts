import type { BbTask } from '@app/bitbucket';
import type { ToolContext } from '@app/mcp';
import { z } from 'zod';
import { catalogueText } from '@app/mcp';

export const taskView = z.object({
  id: z.number().int(),
  text: z.string(),
  state: z.enum(['OPEN', 'RESOLVED']),
  author: z.string().describe(catalogueText('output.task.author')),
  createdOn: z.string(),
  commentId: z.number().int().optional().describe(catalogueText('output.task.commentId')),
});

export type TaskView = z.output<typeof taskView>;

export function toTaskView(task: BbTask): TaskView {
  return {
    id: task.id,
    text: task.text,
    state: task.state,
    author: task.author.name,
    createdOn: task.createdOn,
    ...(task.commentId === undefined ? {} : { commentId: task.commentId }),
  };
}

/** `#1009 OPEN alice 2026-03-11: Add tests for partial refunds (on comment #1004)` */
export function taskLine(task: TaskView, context: ToolContext): string {
  const on =
    task.commentId === undefined ? '' : ` ${context.t('tools.TASK_ON_COMMENT', { commentId: task.commentId })}`;
  return `#${task.id} ${task.state} ${task.author} ${task.createdOn.slice(0, 10)}: ${task.text.replace(/\s+/g, ' ')}${on}`;
}
