import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import { reviewArguments } from '../review-arguments';

const input = z
  .object({
    ...pullRequestArguments,
    commentId: reviewArguments.commentId.describe(catalogueText('resolve_comment_thread.params.commentId')),
    resolved: z.boolean().default(true).describe(catalogueText('resolve_comment_thread.params.resolved')),
  })
  .strict();
const output = z.object({ pullRequestId: z.number().int(), commentId: z.number().int(), resolved: z.boolean() });

@McpTool()
@Injectable()
export class ResolveCommentThreadTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'resolve_comment_thread',
    title: catalogueText('resolve_comment_thread.title'),
    description: catalogueText('resolve_comment_thread.description'),
    toolset: 'reviews',
    input,
    output,
    hints: TOOL_HINTS.idempotentWrite,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<z.output<typeof output>> {
    await this.bitbucket.resolveCommentThread(
      repositoryRef(args),
      { id: args.pullRequestId, commentId: args.commentId, resolved: args.resolved },
      { signal: context.signal },
    );
    return { pullRequestId: args.pullRequestId, commentId: args.commentId, resolved: args.resolved };
  }

  render(result: z.output<typeof output>, context: ToolContext): string {
    return context.t(result.resolved ? 'tools.THREAD_RESOLVED' : 'tools.THREAD_REOPENED', {
      commentId: result.commentId,
      id: result.pullRequestId,
    });
  }
}
