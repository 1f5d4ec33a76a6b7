import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { repositoryLine, repositoryView, toRepositoryView, type RepositoryView } from '../../shared/repository-view';
import { toolArguments } from '../../shared/tool-arguments';

const input = z
  .object({
    workspace: toolArguments.workspace,
    query: z.string().max(200).optional().describe(catalogueText('list_repositories.params.query')),
    cursor: toolArguments.cursor,
    limit: toolArguments.limit,
  })
  .strict();
const output = pageOutput(repositoryView);

@McpTool()
@Injectable()
export class ListRepositoriesTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'list_repositories',
    title: catalogueText('list_repositories.title'),
    description: catalogueText('list_repositories.description'),
    toolset: 'repositories',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<RepositoryView>> {
    const page = await this.bitbucket.listRepositories(
      { workspace: args.workspace, ...(args.query === undefined ? {} : { query: args.query }) },
      pageOptions(args, context),
    );
    return toListing(page, toRepositoryView, (repository) => repositoryLine(repository, context), context);
  }

  render(listing: Listing<RepositoryView>, context: ToolContext): string {
    return renderListing(listing, (repository) => repositoryLine(repository, context), context);
  }
}
