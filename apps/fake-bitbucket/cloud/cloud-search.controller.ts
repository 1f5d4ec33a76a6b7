import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import { searchCode } from '../domain/code-search';
import { FakeStore } from '../runtime/fake-store.service';
import { cloudErrors } from '../shared/cloud-errors';
import { cloudList } from '../shared/cloud-list';
import { cloudCodeSearchResult } from './cloud-code-search-result.representation';
import { CloudLinks } from './cloud-links';
import { CloudLookup } from './cloud-lookup.service';

/** Code search across a workspace's repositories, on their main branches (docs/bitbucket-api.md#cloud-code-search). */
@Controller('2.0/workspaces/:workspace/search/code')
export class CloudSearchController {
  constructor(
    private readonly store: FakeStore,
    private readonly lookup: CloudLookup,
  ) {}

  @Get()
  search(
    @Caller() caller: FakeIdentity,
    @Param('workspace') slug: string,
    @Req() req: Request,
    @Query('search_query') query?: unknown,
  ): Record<string, unknown> {
    const workspace = this.lookup.workspace(caller, slug);
    if (typeof query !== 'string' || query.trim() === '') {
      throw cloudErrors.badRequest('Search query is missing', 'search_query');
    }
    const links = CloudLinks.of(req);
    const hits = searchCode(
      this.store.data.repositories.filter((repository) => repository.workspaceSlug === workspace.slug),
      query,
    );
    return { ...cloudList(req, hits, (hit) => cloudCodeSearchResult(hit, links)), query_substituted: false };
  }
}
