import { BitbucketClient, type BbCommit } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import { toolArguments } from '../../shared/tool-arguments';

const SHORT_HASH = 12;

const input = z.object({ ...pullRequestArguments, cursor: toolArguments.cursor, limit: toolArguments.limit }).strict();

const commitView = z.object({
  hash: z.string(),
  summary: z.string().describe('First line of the commit message.'),
  author: z.string().describe('Author name as recorded in the commit.'),
  date: z.string(),
});
type CommitView = z.output<typeof commitView>;
const output = pageOutput(commitView);

function toCommitView(commit: BbCommit): CommitView {
  return {
    hash: commit.hash,
    summary: commit.message.split('\n', 1)[0] ?? '',
    author: commit.author?.displayName ?? commit.authorName,
    date: commit.date,
  };
}

/** `1a2b3c4d5e6f 2026-03-04 Carol Dubois: Add refund service` */
const commitLine = (commit: CommitView): string =>
  `${commit.hash.slice(0, SHORT_HASH)} ${commit.date.slice(0, 10)} ${commit.author}: ${commit.summary}`;

@McpTool()
@Injectable()
export class ListPullRequestCommitsTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'list_pull_request_commits',
    title: 'List pull request commits',
    description:
      'Lists the commits a pull request brings (newest first), one line each: short hash, date, author, first line of the message. Pass the cursor for more.',
    toolset: 'pull-requests',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<CommitView>> {
    const page = await this.bitbucket.listPullRequestCommits(
      repositoryRef(args),
      { id: args.pullRequestId },
      pageOptions(args, context),
    );
    return toListing(page, toCommitView, commitLine, context);
  }

  render(listing: Listing<CommitView>, context: ToolContext): string {
    return renderListing(listing, commitLine, context);
  }
}
