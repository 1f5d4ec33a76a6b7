import { BitbucketClient, type BbCodeSearchHit } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { toolArguments } from '../../shared/tool-arguments';

/** A hit shows its first few matching lines, each cut to a readable length; matchCount tells the rest. */
const LINES_PER_HIT = 5;
const LINE_CHARS = 200;

const hitView = z.object({
  workspace: z.string().describe(catalogueText('search_code.output.workspace')),
  repo: z.string(),
  path: z.string(),
  matchCount: z.number().int().describe(catalogueText('search_code.output.matchCount')),
  lines: z.array(z.object({ line: z.number().int(), text: z.string() })),
});

type HitView = z.output<typeof hitView>;

const input = z
  .object({
    query: z.string().min(1).max(500).describe(catalogueText('search_code.params.query')),
    workspace: toolArguments.workspace.optional().describe(catalogueText('search_code.params.workspace')),
    cursor: toolArguments.cursor,
    limit: toolArguments.limit,
  })
  .strict();
const output = pageOutput(hitView);

function toHitView(hit: BbCodeSearchHit): HitView {
  return {
    workspace: hit.workspace,
    repo: hit.repo,
    path: hit.path,
    matchCount: hit.matchCount,
    lines: hit.lines
      .slice(0, LINES_PER_HIT)
      .map(({ line, text }) => ({ line, text: text.trim().slice(0, LINE_CHARS) })),
  };
}

/** `acme/payments-api:src/payments/payment.service.ts` then `  42: matching line`, one per line shown. */
function hitLine(hit: HitView): string {
  const more = hit.matchCount > hit.lines.length ? ['  …'] : [];
  return [`${hit.workspace}/${hit.repo}:${hit.path}`, ...hit.lines.map((l) => `  ${l.line}: ${l.text}`), ...more].join(
    '\n',
  );
}

@McpTool()
@Injectable()
export class SearchCodeTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'search_code',
    title: catalogueText('search_code.title'),
    description: catalogueText('search_code.description'),
    toolset: 'search',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<HitView>> {
    const page = await this.bitbucket.searchCode(
      { query: args.query, ...(args.workspace === undefined ? {} : { workspace: args.workspace }) },
      pageOptions(args, context),
    );
    return toListing(page, toHitView, hitLine, context);
  }

  render(listing: Listing<HitView>, context: ToolContext): string {
    return renderListing(listing, hitLine, context);
  }
}
