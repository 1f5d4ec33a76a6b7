import { BitbucketClient, type BbInlineAnchor } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import { ToolArgumentsException } from '../../shared/tool-arguments.exception';
import { commentLine, commentView, toCommentView, type CommentView } from '../comment-view';
import { reviewArguments } from '../review-arguments';

const input = z
  .object({
    ...pullRequestArguments,
    text: reviewArguments.text,
    path: z.string().min(1).max(1000).optional().describe(catalogueText('add_pull_request_comment.params.path')),
    line: z.number().int().min(1).optional().describe(catalogueText('add_pull_request_comment.params.line')),
    side: z.enum(['new', 'old']).optional().describe(catalogueText('add_pull_request_comment.params.side')),
    parentId: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(catalogueText('add_pull_request_comment.params.parentId')),
  })
  .strict();
const output = commentView;

@McpTool()
@Injectable()
export class AddPullRequestCommentTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'add_pull_request_comment',
    title: catalogueText('add_pull_request_comment.title'),
    description: catalogueText('add_pull_request_comment.description'),
    toolset: 'reviews',
    input,
    output,
    hints: TOOL_HINTS.write,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<CommentView> {
    const inline = this.anchor(args, context);
    const comment = await this.bitbucket.addComment(
      repositoryRef(args),
      {
        id: args.pullRequestId,
        text: args.text,
        ...(args.parentId === undefined ? {} : { parentId: args.parentId }),
        ...(inline === undefined ? {} : { inline }),
      },
      { signal: context.signal },
    );
    // A reply is one level below the comment it answers, whether or not Bitbucket echoes the parent.
    return args.parentId === undefined
      ? toCommentView(comment)
      : { ...toCommentView(comment, 1), parentId: comment.parentId ?? args.parentId };
  }

  render(comment: CommentView, context: ToolContext): string {
    return `${context.t('tools.COMMENT_ADDED', { commentId: comment.id })}\n${commentLine(comment, context)}`;
  }

  /** path, line and side must come together, and never with a reply (which sits in its parent's thread). */
  private anchor(args: z.output<typeof input>, context: ToolContext): BbInlineAnchor | undefined {
    const refuse = (key: string): never => {
      throw new ToolArgumentsException(this.definition.name, context.t(key));
    };
    if (args.path === undefined) {
      if (args.line !== undefined || args.side !== undefined) refuse('tools.COMMENT_LINE_WITHOUT_PATH');
      return undefined;
    }
    if (args.line === undefined) return refuse('tools.COMMENT_PATH_WITHOUT_LINE');
    if (args.parentId !== undefined) refuse('tools.COMMENT_REPLY_WITH_ANCHOR');
    return { path: args.path, line: args.line, side: args.side ?? 'new' };
  }
}
