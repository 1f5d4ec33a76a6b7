import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { toUserView, userLine, userView, type UserView } from '../../shared/user-view';

const input = z.object({}).strict();
const output = userView.extend({ flavor: z.enum(['cloud', 'datacenter']) });

@McpTool()
@Injectable()
export class GetCurrentUserTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'get_current_user',
    title: catalogueText('get_current_user.title'),
    description: catalogueText('get_current_user.description'),
    toolset: 'context',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(
    _input: z.output<typeof input>,
    context: ToolContext,
  ): Promise<UserView & { flavor: 'cloud' | 'datacenter' }> {
    return {
      ...toUserView(await this.bitbucket.getCurrentUser({ signal: context.signal })),
      flavor: this.bitbucket.flavor,
    };
  }

  render(user: z.output<typeof output>, context: ToolContext): string {
    return context.t(user.flavor === 'cloud' ? 'tools.CURRENT_USER_CLOUD' : 'tools.CURRENT_USER_DATACENTER', {
      user: userLine(user, context),
    });
  }
}
