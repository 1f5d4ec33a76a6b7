import { BitbucketClient, type BbBuildStatus } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { commitHashArgument } from '../commit-hash-argument';
import { toolArguments } from '../../shared/tool-arguments';

const buildStatusView = z.object({
  key: z.string().describe(catalogueText('list_build_statuses.output.key')),
  name: z.string(),
  state: z.enum(['SUCCESSFUL', 'FAILED', 'INPROGRESS', 'STOPPED']),
  description: z.string(),
  url: z.string().describe(catalogueText('list_build_statuses.output.url')),
  updatedOn: z.string().optional(),
});

type BuildStatusView = z.output<typeof buildStatusView>;

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    commit: commitHashArgument.describe(catalogueText('list_build_statuses.params.commit')),
    cursor: toolArguments.cursor,
    limit: toolArguments.limit,
  })
  .strict();
const output = pageOutput(buildStatusView);

function toBuildStatusView(status: BbBuildStatus): BuildStatusView {
  return {
    key: status.key,
    name: status.name,
    state: status.state,
    description: status.description,
    url: status.url,
    ...(status.updatedOn === undefined ? {} : { updatedOn: status.updatedOn }),
  };
}

/** `FAILED Acme CI #3 [acme-ci]: 1 test failed https://ci.acme.example/…` */
function buildStatusLine(status: BuildStatusView): string {
  const description = status.description === '' ? '' : `: ${status.description}`;
  return `${status.state} ${status.name} [${status.key}]${description} ${status.url}`.trimEnd();
}

@McpTool()
@Injectable()
export class ListBuildStatusesTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'list_build_statuses',
    title: catalogueText('list_build_statuses.title'),
    description: catalogueText('list_build_statuses.description'),
    toolset: 'commits',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<BuildStatusView>> {
    const page = await this.bitbucket.listBuildStatuses(
      { workspace: args.workspace, repo: args.repo },
      { commit: args.commit },
      pageOptions(args, context),
    );
    return toListing(page, toBuildStatusView, buildStatusLine, context);
  }

  render(listing: Listing<BuildStatusView>, context: ToolContext): string {
    return renderListing(listing, buildStatusLine, context);
  }
}
