import { BitbucketClient } from '@app/bitbucket';
import {
  confirmArgument,
  McpTool,
  TOOL_HINTS,
  ToolHandler,
  catalogueText,
  type ToolContext,
  type ToolDefinition,
} from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { toolArguments } from '../../shared/tool-arguments';

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    name: toolArguments.refName.describe(catalogueText('delete_branch.params.name')),
    confirm: confirmArgument,
  })
  .strict();
const output = z.object({
  workspace: z.string(),
  repo: z.string(),
  deleted: z.string().describe(catalogueText('delete_branch.output.deleted')),
});

@McpTool()
@Injectable()
export class DeleteBranchTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'delete_branch',
    title: catalogueText('delete_branch.title'),
    description: catalogueText('delete_branch.description'),
    toolset: 'branches',
    input,
    output,
    hints: TOOL_HINTS.destructive,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<z.output<typeof output>> {
    const repo = { workspace: args.workspace, repo: args.repo };
    await this.bitbucket.deleteBranch(repo, { name: args.name }, { signal: context.signal });
    return { ...repo, deleted: args.name };
  }

  render(result: z.output<typeof output>, context: ToolContext): string {
    return context.t('tools.BRANCH_DELETED', { name: result.deleted, workspace: result.workspace, repo: result.repo });
  }
}
