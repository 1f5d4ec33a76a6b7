import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { refLine, refView, toRefView, type RefView } from '../../shared/ref-view';
import { refListingInput } from '../ref-listing-input';

const input = refListingInput('branches');
const output = pageOutput(refView);

@McpTool()
@Injectable()
export class ListBranchesTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'list_branches',
    title: 'List branches',
    description:
      'Lists the branches of a repository, optionally only those whose name contains `filter`, marking the default branch. One line per branch: name, head commit (short hash); use the cursor for more.',
    toolset: 'branches',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<RefView>> {
    const page = await this.bitbucket.listBranches(
      { workspace: args.workspace, repo: args.repo },
      args.filter === undefined ? {} : { filter: args.filter },
      pageOptions(args, context),
    );
    return toListing(page, toRefView, refLine, context);
  }

  render(listing: Listing<RefView>, context: ToolContext): string {
    return renderListing(listing, refLine, context);
  }
}
