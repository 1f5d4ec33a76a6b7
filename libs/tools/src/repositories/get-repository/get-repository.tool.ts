import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { repositoryLine, repositoryView, toRepositoryView, type RepositoryView } from '../../shared/repository-view';
import { toolArguments } from '../../shared/tool-arguments';

const input = z.object({ workspace: toolArguments.workspace, repo: toolArguments.repo }).strict();
const output = repositoryView;

@McpTool()
@Injectable()
export class GetRepositoryTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'get_repository',
    title: catalogueText('get_repository.title'),
    description: catalogueText('get_repository.description'),
    toolset: 'repositories',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<RepositoryView> {
    return toRepositoryView(await this.bitbucket.getRepository(args, { signal: context.signal }));
  }

  render(repository: RepositoryView, context: ToolContext): string {
    return [repositoryLine(repository, context), ...(repository.url === undefined ? [] : [repository.url])].join('\n');
  }
}
