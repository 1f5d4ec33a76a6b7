import type { BbPage, BbRef, BbRepositoryRef, PageOptions } from '@app/bitbucket';
import { McpTool, catalogueText } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { RefListingTool } from '../ref-listing.tool-base';

@McpTool()
@Injectable()
export class ListTagsTool extends RefListingTool {
  readonly definition = RefListingTool.define('tags', {
    name: 'list_tags',
    title: catalogueText('list_tags.title'),
    description: catalogueText('list_tags.description'),
  });

  protected async list(
    repo: BbRepositoryRef,
    input: { filter?: string },
    options: PageOptions,
  ): Promise<BbPage<BbRef>> {
    return this.bitbucket.listTags(repo, input, options);
  }
}
