import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { toolArguments } from '../../shared/tool-arguments';
import { toUserView, userLine, userView, type UserView } from '../../shared/user-view';

const input = z
  .object({
    workspace: toolArguments.workspace
      .optional()
      .describe('Bitbucket Cloud: the workspace whose members to list (required). Data Center: leave it out.'),
    query: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe(
        'Only users whose name matches this text (Cloud: display name or nickname; Data Center: user name, display name or email).',
      ),
    cursor: toolArguments.cursor,
    limit: toolArguments.limit,
  })
  .strict();
const output = pageOutput(userView);

@McpTool()
@Injectable()
export class ListUsersTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'list_users',
    title: 'Find users',
    description:
      'Finds Bitbucket users, to name reviewers or authors: on Cloud the members of a workspace, on Data Center every user, optionally narrowed by a name fragment. One line per user with the id other tools take; use the cursor for more.',
    toolset: 'users',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<UserView>> {
    const page = await this.bitbucket.listUsers(
      {
        ...(args.workspace === undefined ? {} : { workspace: args.workspace }),
        ...(args.query === undefined ? {} : { query: args.query }),
      },
      pageOptions(args, context),
    );
    return toListing(page, toUserView, (user) => userLine(user, context), context);
  }

  render(listing: Listing<UserView>, context: ToolContext): string {
    return renderListing(listing, (user) => userLine(user, context), context);
  }
}
