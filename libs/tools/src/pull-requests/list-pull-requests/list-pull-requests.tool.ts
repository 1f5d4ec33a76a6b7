import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
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

const user = (role: string) =>
  z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe(`Only pull requests ${role} this user: Cloud nickname, uuid or account id; Data Center user slug.`);

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    states: z
      .array(pullRequestState)
      .min(1)
      .max(4)
      .optional()
      .describe('States to list (default OPEN only). SUPERSEDED exists on Bitbucket Cloud only.'),
    author: user('authored by'),
    reviewer: user('with, among their reviewers,'),
    mine: z
      .enum(['authored', 'reviewing'])
      .optional()
      .describe(
        '"authored": the pull requests you opened; "reviewing": those you are a reviewer of (needs my review).',
      ),
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
    title: 'List pull requests',
    description:
      'Lists the pull requests of a repository, open ones by default; filter by states, author, reviewer, or `mine` ("authored" or "reviewing" for what needs your review). One line per pull request: id, state, draft, title, author, source → destination, approvals, last update. Use get_pull_request for one in full; pass the cursor for more.',
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
