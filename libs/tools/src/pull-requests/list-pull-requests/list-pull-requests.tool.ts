import { BitbucketClient } from '@app/bitbucket';
import {
  McpTool,
  TOOL_HINTS,
  ToolHandler,
  catalogueText,
  type CatalogueText,
  type ToolContext,
  type ToolDefinition,
} from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { repositoryRef } from '../../shared/pull-request-arguments';
import { toolArguments } from '../../shared/tool-arguments';
import {
  pullRequestLine,
  pullRequestState,
  pullRequestSummaryView,
  toPullRequestSummary,
  type PullRequestSummaryView,
} from '../pull-request-summary-view';

const user = (description: CatalogueText) => z.string().min(1).max(200).optional().describe(description);

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    states: z
      .array(pullRequestState)
      .min(1)
      .max(4)
      .optional()
      .describe(catalogueText('list_pull_requests.params.states')),
    author: user(catalogueText('list_pull_requests.params.author')),
    reviewer: user(catalogueText('list_pull_requests.params.reviewer')),
    mine: z.enum(['authored', 'reviewing']).optional().describe(catalogueText('list_pull_requests.params.mine')),
    cursor: toolArguments.cursor,
    limit: toolArguments.limit,
  })
  .strict();
const output = pageOutput(pullRequestSummaryView);

@McpTool()
@Injectable()
export class ListPullRequestsTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'list_pull_requests',
    title: catalogueText('list_pull_requests.title'),
    description: catalogueText('list_pull_requests.description'),
    toolset: 'pull-requests',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<PullRequestSummaryView>> {
    const page = await this.bitbucket.listPullRequests(
      repositoryRef(args),
      {
        ...(args.states === undefined ? {} : { states: args.states }),
        ...(args.author === undefined ? {} : { author: args.author }),
        ...(args.reviewer === undefined ? {} : { reviewer: args.reviewer }),
        ...(args.mine === undefined ? {} : { mine: args.mine }),
      },
      pageOptions(args, context),
    );
    return toListing(page, toPullRequestSummary, (pr) => pullRequestLine(pr, context), context);
  }

  render(listing: Listing<PullRequestSummaryView>, context: ToolContext): string {
    return renderListing(listing, (pr) => pullRequestLine(pr, context), context);
  }
}
