import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { toolArguments } from '../../shared/tool-arguments';
import { issueArguments } from '../issue-arguments';
import { issueLine, issueSummaryView, toIssueSummaryView, type IssueSummaryView } from '../issue-view';

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    state: issueArguments.state.optional().describe(catalogueText('list_issues.params.state')),
    query: z.string().min(1).max(200).optional().describe(catalogueText('list_issues.params.query')),
    cursor: toolArguments.cursor,
    limit: toolArguments.limit,
  })
  .strict();
const output = pageOutput(issueSummaryView);

@McpTool()
@Injectable()
export class ListIssuesTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'list_issues',
    title: catalogueText('list_issues.title'),
    description: catalogueText('list_issues.description'),
    toolset: 'issues',
    input,
    output,
    hints: TOOL_HINTS.read,
    requires: ['issues'],
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<IssueSummaryView>> {
    const page = await this.bitbucket.listIssues(
      { workspace: args.workspace, repo: args.repo },
      {
        ...(args.state === undefined ? {} : { state: args.state }),
        ...(args.query === undefined ? {} : { query: args.query }),
      },
      pageOptions(args, context),
    );
    return toListing(page, toIssueSummaryView, (issue) => issueLine(issue, context), context);
  }

  render(listing: Listing<IssueSummaryView>, context: ToolContext): string {
    return renderListing(listing, (issue) => issueLine(issue, context), context);
  }
}
