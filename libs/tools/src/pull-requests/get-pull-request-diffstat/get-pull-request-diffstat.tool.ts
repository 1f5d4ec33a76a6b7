import { BitbucketClient, type BbFileChange } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';
import { toolArguments } from '../../shared/tool-arguments';

const input = z.object({ ...pullRequestArguments, cursor: toolArguments.cursor, limit: toolArguments.limit }).strict();

const fileChangeView = z.object({
  path: z.string(),
  oldPath: z.string().optional().describe('The path before a rename or copy.'),
  status: z.enum(['added', 'modified', 'removed', 'renamed', 'copied']),
  linesAdded: z.number().int().optional(),
  linesRemoved: z.number().int().optional(),
  binary: z.boolean().optional(),
});
type FileChangeView = z.output<typeof fileChangeView>;
const output = pageOutput(fileChangeView);

function toFileChangeView(change: BbFileChange): FileChangeView {
  return {
    path: change.path,
    ...(change.oldPath === undefined || change.oldPath === change.path ? {} : { oldPath: change.oldPath }),
    status: change.status,
    ...(change.linesAdded === undefined ? {} : { linesAdded: change.linesAdded }),
    ...(change.linesRemoved === undefined ? {} : { linesRemoved: change.linesRemoved }),
    ...(change.binary === true ? { binary: true } : {}),
  };
}

/** `modified src/a.ts +10 -2`, `renamed old.ts → new.ts +0 -0`, `added logo.png (binary)`; counts when known. */
function fileChangeLine(change: FileChangeView, context: ToolContext): string {
  const path = change.oldPath === undefined ? change.path : `${change.oldPath} → ${change.path}`;
  const counted = change.linesAdded !== undefined || change.linesRemoved !== undefined;
  const counts =
    change.binary === true
      ? ` ${context.t('tools.DIFFSTAT_BINARY')}`
      : counted
        ? ` +${change.linesAdded ?? 0} -${change.linesRemoved ?? 0}`
        : '';
  return `${change.status} ${path}${counts}`;
}

@McpTool()
@Injectable()
export class GetPullRequestDiffstatTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'get_pull_request_diffstat',
    title: 'Get pull request diffstat',
    description:
      'Lists the files a pull request changes, one line each: status (added, modified, removed, renamed, copied), path, lines added and removed. Cheap: use it before get_pull_request_diff to pick the files to read. Pass the cursor for more.',
    toolset: 'pull-requests',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<FileChangeView>> {
    const page = await this.bitbucket.getPullRequestDiffstat(
      repositoryRef(args),
      { id: args.pullRequestId },
      pageOptions(args, context),
    );
    return toListing(page, toFileChangeView, (change) => fileChangeLine(change, context), context);
  }

  render(listing: Listing<FileChangeView>, context: ToolContext): string {
    return renderListing(listing, (change) => fileChangeLine(change, context), context);
  }
}
