import type { BbPage, BbRef, BbRepositoryRef, PageOptions } from '@app/bitbucket';
import { McpTool } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { RefListingTool } from '../ref-listing.tool-base';

@McpTool()
@Injectable()
export class ListTagsTool extends RefListingTool {
  readonly definition = RefListingTool.define('tags', {
    name: 'list_tags',
    title: 'List tags',
    description:
      'Lists the tags of a repository, optionally only those whose name contains `filter`. One line per tag: name, tagged commit (short hash), date and first line of the message of annotated tags; use the cursor for more.',
  });

  protected async list(
    repo: BbRepositoryRef,
    input: { filter?: string },
    options: PageOptions,
  ): Promise<BbPage<BbRef>> {
    return this.bitbucket.listTags(repo, input, options);
  }
}
