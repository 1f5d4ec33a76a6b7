import { BitbucketClient } from '@app/bitbucket';
import { McpTool, TOOL_HINTS, ToolHandler, catalogueText, type ToolContext, type ToolDefinition } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { toolArguments } from '../../shared/tool-arguments';
import { projectLine, projectView, toProjectView, type ProjectView } from '../../shared/project-view';

const input = z
  .object({
    workspace: toolArguments.workspace.optional().describe(catalogueText('get_project.params.workspace')),
    key: toolArguments.projectKey,
  })
  .strict();
const output = projectView;

@McpTool()
@Injectable()
export class GetProjectTool extends ToolHandler<typeof input, typeof output> {
  readonly definition: ToolDefinition<typeof input, typeof output> = {
    name: 'get_project',
    title: catalogueText('get_project.title'),
    description: catalogueText('get_project.description'),
    toolset: 'context',
    input,
    output,
    hints: TOOL_HINTS.read,
  };

  constructor(private readonly bitbucket: BitbucketClient) {
    super();
  }

  async run(args: z.output<typeof input>, context: ToolContext): Promise<ProjectView> {
    const project = await this.bitbucket.getProject(
      { key: args.key, ...(args.workspace === undefined ? {} : { workspace: args.workspace }) },
      { signal: context.signal },
    );
    return toProjectView(project);
  }

  render(project: ProjectView, context: ToolContext): string {
    return [projectLine(project, context), ...(project.url === undefined ? [] : [project.url])].join('\n');
  }
}
