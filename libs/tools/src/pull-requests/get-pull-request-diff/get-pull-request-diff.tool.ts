import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { diffArguments } from '../../shared/diff-arguments';
import { diffView, renderDiffView, toDiffView, type DiffView } from '../../shared/diff-view';
import { pullRequestArguments, repositoryRef } from '../../shared/pull-request-arguments';

const input = z.object({ ...pullRequestArguments, ...diffArguments }).strict();
const output = diffView;

@McpTool()
@Injectable()
export class GetPullRequestDiffTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'get_pull_request_diff',
    title: catalogueText('get_pull_request_diff.title'),
    description: catalogueText('get_pull_request_diff.description'),
    toolset: 'pull-requests',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<DiffView> {
    const raw = await this.bitbucket.getPullRequestDiff(
      repositoryRef(args),
      {
        id: args.pullRequestId,
        ...(args.paths === undefined ? {} : { paths: args.paths }),
        ...(args.contextLines === undefined ? {} : { contextLines: args.contextLines }),
      },
      { signal: context.signal },
    );
    return toDiffView(raw, args, context);
  }

  render(view: DiffView, context: ToolContext): string {
    return renderDiffView(view, context);
  }
}
