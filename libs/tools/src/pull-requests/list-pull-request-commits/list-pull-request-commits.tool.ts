import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { commitLine, commitLineView, toCommitLineView, type CommitLineView } from '../../shared/commit-view';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import { toolArguments } from '../../shared/tool-arguments';

const input = z.object({ ...pullRequestArguments, cursor: toolArguments.cursor, limit: toolArguments.limit }).strict();
const output = pageOutput(commitLineView);

@McpTool()
@Injectable()
export class ListPullRequestCommitsTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'list_pull_request_commits',
    title: 'List pull request commits',
    description:
      'Lists the commits a pull request brings (newest first), one line each: short hash, date, author, first line of the message. get_commit and get_commit_diff read one of them. Pass the cursor for more.',
    toolset: 'pull-requests',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<CommitLineView>> {
    const page = await this.bitbucket.listPullRequestCommits(
      repositoryRef(args),
      { id: args.pullRequestId },
      pageOptions(args, context),
    );
    return toListing(page, toCommitLineView, commitLine, context);
  }

  render(listing: Listing<CommitLineView>, context: ToolContext): string {
    return renderListing(listing, commitLine, context);
  }
}
