import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { Caller } from '../auth/caller.decorator';
import type { FakeIdentity } from '../auth/fake-identity';
import { searchCode } from '../domain/code-search';
import { FakeStore } from '../runtime/fake-store.service';
import { datacenterCodeSearchHit } from './datacenter-code-search-hit.representation';
import { DatacenterLinks } from './datacenter-links';
import { DatacenterLookup } from './datacenter-lookup.service';

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;

const searchSchema = z.object({
  query: z.string({ error: 'A search query is required.' }).trim().min(1, 'A search query is required.'),
  entities: z
    .object({
      code: z
        .object({ start: z.number().int().min(0).optional(), limit: z.number().int().min(1).optional() })
        .optional(),
    })
    .optional(),
  limits: z.object({ primary: z.number().int().min(1).optional() }).optional(),
});

/**
 * Code search as Data Center's UI calls it (`/rest/search`, absent from the published spec): the
 * default branches of the repositories the caller can see, `project:KEY` and `repo:slug` (also
 * `ext:`, `path:`) narrowing it, results under `code` paged with `start` / `nextStart`.
 */
@Controller(['rest/search/latest', 'rest/search/1.0'])
export class DatacenterSearchController {
  constructor(
    private readonly store: FakeStore,
    private readonly lookup: DatacenterLookup,
  ) {}

  @Post('search')
  @HttpCode(200)
  search(@Caller() caller: FakeIdentity, @Body() body: unknown, @Req() req: Request): Record<string, unknown> {
    const input = searchSchema.parse(body);
    const page = input.entities?.code;
    return {
      scope: { type: 'GLOBAL' },
      ...(page === undefined
        ? {}
        : { code: this.codePage(caller, input.query, page.start ?? 0, page.limit ?? input.limits?.primary, req) }),
      query: { substituted: false },
    };
  }

  /** Most hits first, then by repository and path, so pages are stable. */
  private codePage(
    caller: FakeIdentity,
    query: string,
    start: number,
    requestedLimit: number | undefined,
    req: Request,
  ): Record<string, unknown> {
    const visible = new Set(this.lookup.visibleProjects(caller).map((project) => project.key));
    const repositories = this.store.data.repositories.filter((repository) => visible.has(repository.projectKey));
    const hits = searchCode(repositories, query).sort(
      (a, b) =>
        b.matchCount - a.matchCount ||
        a.repository.slug.localeCompare(b.repository.slug) ||
        a.path.localeCompare(b.path),
    );
    const limit = Math.min(MAX_LIMIT, requestedLimit ?? DEFAULT_LIMIT);
    const links = DatacenterLinks.of(req);
    const isLastPage = start + limit >= hits.length;
    return {
      category: 'primary',
      isLastPage,
      count: hits.length,
      start,
      ...(isLastPage ? {} : { nextStart: start + limit }),
      values: hits.slice(start, start + limit).map((hit) => {
        const text = hit.repository.git.get(hit.commit).tree.get(hit.path)?.text ?? '';
        return datacenterCodeSearchHit(hit, text, this.store.data, links);
      }),
    };
  }
}
