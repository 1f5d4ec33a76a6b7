import { BitbucketClient, type BbPage, type BbRepositoryRef, type PageOptions } from '@app/bitbucket';
import { TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from './listing';
import { pageOptions } from './page-options';
import { pageOutput } from './page-output';
import { pullRequestArguments, repositoryRef } from './pull-request-arguments';
import { toolArguments } from './tool-arguments';

const input = z.object({ ...pullRequestArguments, cursor: toolArguments.cursor, limit: toolArguments.limit }).strict();
type PageOutput<V extends z.ZodType> = ReturnType<typeof pageOutput<V>>;

/**
 * The listings of one pull request (its commits, activity, changed files, tasks): the pull request and
 * paging arguments, a page from the gateway cut to the response budget, one line per item. The
 * subclass names the gateway call, how an item is shown, and its line.
 */
@Injectable()
export abstract class PullRequestListingTool<Item, View extends z.ZodType> extends ToolHandler<
  typeof input,
  PageOutput<View>
> {
  constructor(protected readonly bitbucket: BitbucketClient) {
    super();
  }

  /** The definition of a pull request listing tool: the shared input and hints, its own words and item view. */
  protected static define<View extends z.ZodType>(
    view: View,
    definition: Pick<ToolDefinition, 'name' | 'title' | 'description' | 'toolset'>,
  ): ToolDefinition<typeof input, PageOutput<View>> {
    return { ...definition, input, output: pageOutput(view), hints: TOOL_HINTS.read };
  }

  protected abstract list(repo: BbRepositoryRef, input: { id: number }, options: PageOptions): Promise<BbPage<Item>>;
  /** How an item of the page is shown. */
  protected abstract readonly view: (item: Item) => z.output<View>;
  /** How a shown item reads as one line of the text answer. */
  protected abstract readonly line: (view: z.output<View>, context: ToolContext) => string;

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<z.output<View>>> {
    const page = await this.list(repositoryRef(args), { id: args.pullRequestId }, pageOptions(args, context));
    return toListing(
      page,
      (item) => this.view(item),
      (view) => this.line(view, context),
      context,
    );
  }

  render(listing: Listing<z.output<View>>, context: ToolContext): string {
    return renderListing(listing, (view) => this.line(view, context), context);
  }
}
