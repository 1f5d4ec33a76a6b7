import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { commitLine, commitLineView, toCommitLineView, type CommitLineView } from '../../shared/commit-view';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { toolArguments } from '../../shared/tool-arguments';

/** An ISO-8601 date, or date and time (with an optional offset). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const instant = (bound: string) =>
  z
    .string()
    .regex(ISO_INSTANT)
    .optional()
    .describe(
      `Only commits made ${bound} this ISO-8601 date or date-time (e.g. "2026-03-01" or "2026-03-01T12:00:00Z"; a date alone is midnight UTC).`,
    );

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    ref: toolArguments.ref
      .optional()
      .describe(
        'Branch, tag or commit whose history to list, newest first. Omit for every branch on Cloud, the default branch on Data Center.',
      ),
    path: z.string().min(1).max(1000).optional().describe('Only commits changing this file or directory.'),
    author: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe('Only commits whose author name, email or username contains this text.'),
    since: instant('at or after'),
    until: instant('at or before'),
    cursor: toolArguments.cursor,
    limit: toolArguments.limit,
  })
  .strict();
const output = pageOutput(commitLineView);

@McpTool()
@Injectable()
export class ListCommitsTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'list_commits',
    title: 'List commits',
    description:
      'Lists the history of a branch, tag or commit, newest first, optionally only commits touching a path, by an author, or within a date range. One line per commit: short hash, date, author, first line of the message. Use get_commit or get_commit_diff on a hash for details; use the cursor for more.',
    toolset: 'commits',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<CommitLineView>> {
    const page = await this.bitbucket.listCommits(
      { workspace: args.workspace, repo: args.repo },
      { ref: args.ref, path: args.path, author: args.author, since: args.since, until: args.until },
      pageOptions(args, context),
    );
    return toListing(page, toCommitLineView, commitLine, context);
  }

  render(listing: Listing<CommitLineView>, context: ToolContext): string {
    return renderListing(listing, commitLine, context);
  }
}
