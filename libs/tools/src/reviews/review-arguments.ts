import { z } from 'zod';

/** Arguments several review tools take, described once. */
export const reviewArguments = {
  text: z.string().min(1).max(32000).describe('Comment text, in Markdown.'),
  commentId: z.number().int().positive().describe('Comment id, as list_pull_request_comments shows it (#1004 → 1004).'),
  taskId: z.number().int().positive().describe('Task id, as list_tasks shows it.'),
};
