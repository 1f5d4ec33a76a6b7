import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
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
    state: issueArguments.state.optional().describe('Only issues in this state.'),
    query: z.string().min(1).max(200).optional().describe('Only issues whose title or description contains this text.'),
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
    title: 'List issues',
    description:
      "Lists the issues of a Bitbucket Cloud repository's issue tracker, optionally only in one state and only those whose title or description contains a text. One line per issue: number, state, kind/priority, title, assignee, last update. Read one with get_issue; use the cursor for more. Repositories without an issue tracker answer not found.",
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
