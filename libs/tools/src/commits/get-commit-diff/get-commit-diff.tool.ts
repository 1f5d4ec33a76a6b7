import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { diffArguments } from '../../shared/diff-arguments';
import { diffView, renderDiffView, toDiffView, type DiffView } from '../../shared/diff-view';
import { commitHashArgument } from '../commit-hash-argument';
import { toolArguments } from '../../shared/tool-arguments';

const input = z
  .object({
    workspace: toolArguments.workspace,
    repo: toolArguments.repo,
    hash: commitHashArgument,
    ...diffArguments,
  })
  .strict();
const output = diffView;

@McpTool()
@Injectable()
export class GetCommitDiffTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'get_commit_diff',
    title: catalogueText('get_commit_diff.title'),
    description: catalogueText('get_commit_diff.description'),
    toolset: 'commits',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<DiffView> {
    const raw = await this.bitbucket.getCommitDiff(
      { workspace: args.workspace, repo: args.repo },
      { hash: args.hash, paths: args.paths, contextLines: args.contextLines },
      { signal: context.signal },
    );
    return toDiffView(raw, args, context);
  }

  render(view: DiffView, context: ToolContext): string {
    return renderDiffView(view, context);
  }
}
