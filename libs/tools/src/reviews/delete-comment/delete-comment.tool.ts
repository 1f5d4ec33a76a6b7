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

const input = z
  .object({ ...pullRequestArguments, commentId: reviewArguments.commentId, confirm: confirmArgument })
  .strict();
const output = z.object({ pullRequestId: z.number().int(), commentId: z.number().int(), deleted: z.literal(true) });

@McpTool()
@Injectable()
export class DeleteCommentTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'delete_comment',
    title: catalogueText('delete_comment.title'),
    description: catalogueText('delete_comment.description'),
    toolset: 'reviews',
    input,
    output,
    hints: TOOL_HINTS.destructive,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<z.output<typeof output>> {
    await this.bitbucket.deleteComment(
      repositoryRef(args),
      { id: args.pullRequestId, commentId: args.commentId },
      { signal: context.signal },
    );
    return { pullRequestId: args.pullRequestId, commentId: args.commentId, deleted: true };
  }

  render(result: z.output<typeof output>, context: ToolContext): string {
    return context.t('tools.COMMENT_DELETED_DONE', { commentId: result.commentId, id: result.pullRequestId });
  }
}
