import { BitbucketClient, type BbPage, type BbRef, type BbRepositoryRef, type PageOptions } from '@app/bitbucket';
import {
  TOOL_HINTS,
  ToolHandler,
  catalogueText,
  type CatalogueText,
  type ToolContext,
  type ToolDefinition,
} from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../shared/listing';
import { pageOptions } from '../shared/page-options';
import { pageOutput } from '../shared/page-output';
import { repositoryRef } from '../shared/pull-request-arguments';
import { refLine, refView, toRefView, type RefView } from '../shared/ref-view';
import { toolArguments } from '../shared/tool-arguments';

type RefKind = 'branches' | 'tags';
const FILTER_DESCRIPTIONS: Record<RefKind, CatalogueText> = {
  branches: catalogueText('list_branches.params.filter'),
  tags: catalogueText('list_tags.params.filter'),
};

/** The arguments of a ref listing: a repository, a name filter and paging. */
function refListingInput(kind: RefKind) {
  return z
    .object({
      workspace: toolArguments.workspace,
      repo: toolArguments.repo,
      filter: z.string().min(1).max(200).optional().describe(FILTER_DESCRIPTIONS[kind]),
      cursor: toolArguments.cursor,
      limit: toolArguments.limit,
    })
    .strict();
}
type Input = ReturnType<typeof refListingInput>;
const output = pageOutput(refView);

/**
 * list_branches and list_tags: the refs of one kind in a repository, optionally only those whose name
 * contains a filter, a line each. The subclass names the kind, its words and the gateway call.
 */
@Injectable()
export abstract class RefListingTool extends ToolHandler<Input, typeof output> {
  constructor(protected readonly bitbucket: BitbucketClient) {
    super();
  }

  /** The definition of a ref listing tool: the shared schemas and hints, its own name and words. */
  protected static define(
    kind: RefKind,
    definition: Pick<ToolDefinition, 'name' | 'title' | 'description'>,
  ): ToolDefinition<Input, typeof output> {
    return { ...definition, toolset: 'branches', input: refListingInput(kind), output, hints: TOOL_HINTS.read };
  }

  protected abstract list(
    repo: BbRepositoryRef,
    input: { filter?: string },
    options: PageOptions,
  ): Promise<BbPage<BbRef>>;

  async run(args: z.output<Input>, context: ToolContext): Promise<Listing<RefView>> {
    const page = await this.list(
      repositoryRef(args),
      args.filter === undefined ? {} : { filter: args.filter },
      pageOptions(args, context),
    );
    return toListing(page, toRefView, (ref) => refLine(ref, context), context);
  }

  render(listing: Listing<RefView>, context: ToolContext): string {
    return renderListing(listing, (ref) => refLine(ref, context), context);
  }
}
