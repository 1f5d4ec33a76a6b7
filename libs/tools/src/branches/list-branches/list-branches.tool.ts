import type { BbPage, BbRef, BbRepositoryRef, PageOptions } from '@app/bitbucket';
import { McpTool, catalogueText } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { RefListingTool } from '../ref-listing.tool-base';

@McpTool()
@Injectable()
export class ListBranchesTool extends RefListingTool {
  readonly definition = RefListingTool.define('branches', {
    name: 'list_branches',
    title: catalogueText('list_branches.title'),
    description: catalogueText('list_branches.description'),
  });

  protected async list(
    repo: BbRepositoryRef,
    input: { filter?: string },
    options: PageOptions,
  ): Promise<BbPage<BbRef>> {
    return this.bitbucket.listBranches(repo, input, options);
  }
}
