import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { projectLine, projectView, toProjectView, type ProjectView } from '../../shared/project-view';
import { toolArguments } from '../../shared/tool-arguments';

const input = z
  .object({
    workspace: toolArguments.workspace
      .optional()
      .describe('Bitbucket Cloud: the workspace whose projects to list (required). Data Center: leave it out.'),
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
    title: 'List projects',
    description:
      'Lists projects: on Bitbucket Cloud those of one workspace, on Data Center every project this account can see (a Data Center project key is the `workspace` of the repository tools). One line per project: key, name, visibility, description; use the cursor for more.',
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
