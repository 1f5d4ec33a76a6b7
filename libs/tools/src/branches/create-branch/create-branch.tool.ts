import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { refView, toRefView, type RefView } from '../../shared/ref-view';
import { shortHash } from '../../shared/short-hash';
import { toolArguments } from '../../shared/tool-arguments';

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    name: toolArguments.refName.describe(catalogueText('create_branch.params.name')),
    startPoint: toolArguments.ref.describe(catalogueText('create_branch.params.startPoint')),
  })
  .strict();
const output = refView;

@McpTool()
@Injectable()
export class CreateBranchTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'create_branch',
    title: catalogueText('create_branch.title'),
    description: catalogueText('create_branch.description'),
    toolset: 'branches',
    input,
    output,
    hints: TOOL_HINTS.write,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<RefView> {
    const branch = await this.bitbucket.createBranch(
      { workspace: args.workspace, repo: args.repo },
      { name: args.name, startPoint: args.startPoint },
      { signal: context.signal },
    );
    return toRefView(branch);
  }

  render(branch: RefView, context: ToolContext): string {
    return context.t('tools.BRANCH_CREATED', { name: branch.name, commit: shortHash(branch.commit) });
  }
}
