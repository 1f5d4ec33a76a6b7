import type { BbPage, BbRef, BbRepositoryRef, PageOptions } from '@app/bitbucket';
import { McpTool } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { RefListingTool } from '../ref-listing.tool-base';

@McpTool()
@Injectable()
export class ListBranchesTool extends RefListingTool {
  readonly definition = RefListingTool.define('branches', {
    name: 'list_branches',
    title: 'List branches',
    description:
      'Lists the branches of a repository, optionally only those whose name contains `filter`, marking the default branch. One line per branch: name, head commit (short hash); use the cursor for more.',
  });

  protected async list(
    repo: BbRepositoryRef,
    input: { filter?: string },
    options: PageOptions,
  ): Promise<BbPage<BbRef>> {
    return this.bitbucket.listBranches(repo, input, options);
  }
}
