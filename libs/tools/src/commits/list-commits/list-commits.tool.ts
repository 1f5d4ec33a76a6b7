import { BitbucketClient } from '@app/bitbucket';
import {
  McpTool,
  TOOL_HINTS,
  ToolHandler,
  catalogueText,
  type CatalogueText,
  type ToolContext,
  type ToolDefinition,
} from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { commitLine, commitLineView, toCommitLineView, type CommitLineView } from '../../shared/commit-view';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { toolArguments } from '../../shared/tool-arguments';

/** An ISO-8601 date, or date and time (with an optional offset). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const instant = (description: CatalogueText) => z.string().regex(ISO_INSTANT).optional().describe(description);

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    ref: toolArguments.ref.optional().describe(catalogueText('list_commits.params.ref')),
    path: z.string().min(1).max(1000).optional().describe(catalogueText('list_commits.params.path')),
    author: z.string().min(1).max(200).optional().describe(catalogueText('list_commits.params.author')),
    since: instant(catalogueText('list_commits.params.since')),
    until: instant(catalogueText('list_commits.params.until')),
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
    title: catalogueText('list_commits.title'),
    description: catalogueText('list_commits.description'),
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
