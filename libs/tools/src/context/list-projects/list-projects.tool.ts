import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { projectLine, projectView, toProjectView, type ProjectView } from '../../shared/project-view';
import { toolArguments } from '../../shared/tool-arguments';

const input = z
  .object({
    workspace: toolArguments.workspace.optional().describe(catalogueText('list_projects.params.workspace')),
    cursor: toolArguments.cursor,
    limit: toolArguments.limit,
  })
  .strict();
const output = pageOutput(projectView);

@McpTool()
@Injectable()
export class ListProjectsTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'list_projects',
    title: catalogueText('list_projects.title'),
    description: catalogueText('list_projects.description'),
    toolset: 'context',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<ProjectView>> {
    const page = await this.bitbucket.listProjects(
      args.workspace === undefined ? {} : { workspace: args.workspace },
      pageOptions(args, context),
    );
    return toListing(page, toProjectView, (project) => projectLine(project, context), context);
  }

  render(listing: Listing<ProjectView>, context: ToolContext): string {
    return renderListing(listing, (project) => projectLine(project, context), context);
  }
}
