import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { refView, toRefView, type RefView } from '../../shared/ref-view';
import { shortHash } from '../../shared/short-hash';
import { toolArguments } from '../../shared/tool-arguments';

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    name: toolArguments.refName.describe('Name of the new tag (e.g. "v1.4.0").'),
    target: toolArguments.ref.describe('What to tag: a branch name (its head), tag name or commit hash.'),
    message: z
      .string()
      .min(1)
      .max(2000)
      .optional()
      .describe('Makes an annotated tag with this message; omit for a lightweight tag.'),
  })
  .strict();
const output = refView;

@McpTool()
@Injectable()
export class CreateTagTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'create_tag',
    title: 'Create tag',
    description:
      'Tags a commit (given as a branch, tag or hash), annotated when a message is given, and returns the tag with the commit it points at. Fails if the tag already exists.',
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
