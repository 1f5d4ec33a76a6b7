import { z } from 'zod';
import { catalogueText } from '@app/mcp';

/** Arguments several review tools take, described once. */
export const reviewArguments = {
  text: z.string().min(1).max(32000).describe(catalogueText('params.commentText')),
  commentId: z.number().int().positive().describe(catalogueText('params.commentId')),
  taskId: z.number().int().positive().describe(catalogueText('params.taskId')),
};
