import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { toolArguments } from '../../shared/tool-arguments';
import { toUserView, userLine, userView, type UserView } from '../../shared/user-view';

const input = z
  .object({
    workspace: toolArguments.workspace.optional().describe(catalogueText('list_users.params.workspace')),
    query: z.string().min(1).max(100).optional().describe(catalogueText('list_users.params.query')),
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
    title: catalogueText('list_users.title'),
    description: catalogueText('list_users.description'),
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
