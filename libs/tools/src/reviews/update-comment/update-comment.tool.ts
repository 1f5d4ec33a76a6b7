import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import { commentLine, commentView, toCommentView, type CommentView } from '../comment-view';
import { reviewArguments } from '../review-arguments';

const input = z
  .object({
    ...pullRequestArguments,
    commentId: reviewArguments.commentId,
    text: reviewArguments.text.describe(catalogueText('update_comment.params.text')),
  })
  .strict();
const output = commentView;

@McpTool()
@Injectable()
export class UpdateCommentTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'update_comment',
    title: catalogueText('update_comment.title'),
    description: catalogueText('update_comment.description'),
    toolset: 'reviews',
    input,
    output,
    hints: TOOL_HINTS.idempotentWrite,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<CommentView> {
    const comment = await this.bitbucket.updateComment(
      repositoryRef(args),
      { id: args.pullRequestId, commentId: args.commentId, text: args.text },
      { signal: context.signal },
    );
    return toCommentView(comment);
  }

  render(comment: CommentView, context: ToolContext): string {
    return `${context.t('tools.COMMENT_UPDATED', { commentId: comment.id })}\n${commentLine(comment, context)}`;
  }
}
