import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import { reviewArguments } from '../review-arguments';

const input = z
  .object({
    ...pullRequestArguments,
    commentId: reviewArguments.commentId.describe(
      'The first comment of the thread (depth 0 in list_pull_request_comments).',
    ),
    resolved: z.boolean().default(true).describe('true (default) resolves the thread; false reopens it.'),
  })
  .strict();
const output = z.object({ pullRequestId: z.number().int(), commentId: z.number().int(), resolved: z.boolean() });

@McpTool()
@Injectable()
export class ResolveCommentThreadTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'resolve_comment_thread',
    title: 'Resolve comment thread',
    description:
      'Marks the thread a comment starts as resolved (resolved: true, the default) or reopens it (resolved: false). Name the first comment of the thread; Bitbucket Cloud resolves only threads on a line of the diff.',
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
