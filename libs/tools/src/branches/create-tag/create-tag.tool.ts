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
    name: toolArguments.refName.describe(catalogueText('create_tag.params.name')),
    target: toolArguments.ref.describe(catalogueText('create_tag.params.target')),
    message: z.string().min(1).max(2000).optional().describe(catalogueText('create_tag.params.message')),
  })
  .strict();
const output = refView;

@McpTool()
@Injectable()
export class CreateTagTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'create_tag',
    title: catalogueText('create_tag.title'),
    description: catalogueText('create_tag.description'),
    toolset: 'branches',
    input,
    output,
    hints: TOOL_HINTS.write,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<RefView> {
    const tag = await this.bitbucket.createTag(
      { workspace: args.workspace, repo: args.repo },
      { name: args.name, target: args.target, ...(args.message === undefined ? {} : { message: args.message }) },
      { signal: context.signal },
    );
    return toRefView(tag);
  }

  render(tag: RefView, context: ToolContext): string {
    return context.t('tools.TAG_CREATED', { name: tag.name, commit: shortHash(tag.commit) });
  }
}
