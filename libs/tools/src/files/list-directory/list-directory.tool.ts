import { BitbucketClient, type BbDirectoryEntry } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { toolArguments } from '../../shared/tool-arguments';

const entryView = z.object({
  path: z.string().describe(catalogueText('list_directory.output.path')),
  type: z.enum(['file', 'directory', 'submodule']),
  size: z.number().int().optional().describe(catalogueText('list_directory.output.size')),
});

type EntryView = z.output<typeof entryView>;

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    path: z.string().max(1000).optional().describe(catalogueText('list_directory.params.path')),
    ref: toolArguments.ref.optional().describe(catalogueText('list_directory.params.ref')),
    cursor: toolArguments.cursor,
    limit: toolArguments.limit,
  })
  .strict();
const output = pageOutput(entryView);

function toEntryView(entry: BbDirectoryEntry): EntryView {
  return { path: entry.path, type: entry.type, ...(entry.size === undefined ? {} : { size: entry.size }) };
}

/** `src/payments/` for a directory, `README.md 412` (bytes) for a file, `vendor/lib @` for a submodule. */
function entryLine(entry: EntryView): string {
  if (entry.type === 'directory') return `${entry.path}/`;
  if (entry.type === 'submodule') return `${entry.path} @`;
  return entry.size === undefined ? entry.path : `${entry.path} ${entry.size}`;
}

@McpTool()
@Injectable()
export class ListDirectoryTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'list_directory',
    title: catalogueText('list_directory.title'),
    description: catalogueText('list_directory.description'),
    toolset: 'files',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<EntryView>> {
    const page = await this.bitbucket.listDirectory(
      { workspace: args.workspace, repo: args.repo },
      { path: args.path?.replace(/^\/+|\/+$/g, ''), ref: args.ref },
      pageOptions(args, context),
    );
    return toListing(page, toEntryView, entryLine, context);
  }

  render(listing: Listing<EntryView>, context: ToolContext): string {
    return renderListing(listing, entryLine, context);
  }
}
