import { BitbucketClient, type BbWorkspace } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { renderListing, toListing, type Listing } from '../../shared/listing';
import { pageOptions } from '../../shared/page-options';
import { pageOutput } from '../../shared/page-output';
import { toolArguments } from '../../shared/tool-arguments';

const workspaceView = z.object({
  slug: z.string().describe(catalogueText('list_workspaces.output.slug')),
  name: z.string(),
  admin: z.boolean().optional().describe(catalogueText('list_workspaces.output.admin')),
});

type WorkspaceView = z.output<typeof workspaceView>;

const input = z.object({ cursor: toolArguments.cursor, limit: toolArguments.limit }).strict();
const output = pageOutput(workspaceView);

function toWorkspaceView(workspace: BbWorkspace): WorkspaceView {
  return {
    slug: workspace.slug,
    name: workspace.name,
    ...(workspace.isAdmin === undefined ? {} : { admin: workspace.isAdmin }),
  };
}

/** `acme Acme (admin)`; the name only when it says more than the slug. */
function workspaceLine(workspace: WorkspaceView, context: ToolContext): string {
  const name = workspace.name === workspace.slug ? '' : ` ${workspace.name}`;
  return `${workspace.slug}${name}${workspace.admin === true ? ` ${context.t('tools.WORKSPACE_ADMIN')}` : ''}`;
}

@McpTool()
@Injectable()
export class ListWorkspacesTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'list_workspaces',
    title: catalogueText('list_workspaces.title'),
    description: catalogueText('list_workspaces.description'),
    toolset: 'context',
    input,
    output,
    hints: TOOL_HINTS.read,
    requires: ['workspaces'],
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<Listing<WorkspaceView>> {
    const page = await this.bitbucket.listWorkspaces(pageOptions(args, context));
    return toListing(page, toWorkspaceView, (workspace) => workspaceLine(workspace, context), context);
  }

  render(listing: Listing<WorkspaceView>, context: ToolContext): string {
    return renderListing(listing, (workspace) => workspaceLine(workspace, context), context);
  }
}
