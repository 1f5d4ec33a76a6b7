import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import { fitItems } from '../../shared/response-budget';
import { toolArguments } from '../../shared/tool-arguments';
import { commentLine, commentView, flattenThread, type CommentView } from '../comment-view';

const input = z.object({ ...pullRequestArguments, cursor: toolArguments.cursor, limit: toolArguments.limit }).strict();
const output = pageOutput(commentView);

@McpTool()
@Injectable()
export class ListPullRequestCommentsTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'list_pull_request_comments',
    title: catalogueText('list_pull_request_comments.title'),
    description: catalogueText('list_pull_request_comments.description'),
    toolset: 'reviews',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<CommentView>> {
    const page = await this.bitbucket.listComments(
      repositoryRef(args),
      { id: args.pullRequestId },
      pageOptions(args, context),
    );
    const threads = page.items.map(flattenThread);
    const { kept, omitted } = fitItems(
      threads,
      (thread) => thread.map((comment) => commentLine(comment, context)).join('\n'),
      context.budgetChars,
    );
    const items = kept.flat();
    return {
      items,
      ...(page.cursor === undefined ? {} : { cursor: page.cursor }),
      ...(omitted === 0
        ? {}
        : { truncated: context.t('tools.COMMENT_THREADS_TRUNCATED', { omitted, limit: items.length }) }),
    };
  }

  render(listing: Listing<CommentView>, context: ToolContext): string {
    return renderListing(listing, (comment) => commentLine(comment, context), context);
  }
}
