import type { BbProject } from '@app/bitbucket';
import type { ToolContext } from '@app/mcp';
import { z } from 'zod';
import { catalogueText } from '@app/mcp';

export const projectView = z.object({
  key: z.string().describe(catalogueText('output.project.key')),
  name: z.string(),
  description: z.string(),
  private: z.boolean(),
  workspace: z.string().optional().describe(catalogueText('output.project.workspace')),
  url: z.string().optional(),
});

export type ProjectView = z.output<typeof projectView>;

export function toProjectView(project: BbProject): ProjectView {
  return {
    key: project.key,
    name: project.name,
    description: project.description,
    private: project.isPrivate,
    ...(project.workspace === undefined ? {} : { workspace: project.workspace }),
    ...(project.url === undefined ? {} : { url: project.url }),
  };
}

/** `PLAT Platform (acme, private): Payments, identity and the infrastructure under them.` */
export function projectLine(project: ProjectView, context: ToolContext): string {
  const visibility = context.t(project.private ? 'tools.VISIBILITY_PRIVATE' : 'tools.VISIBILITY_PUBLIC');
  const facts = [project.workspace, visibility].filter((fact): fact is string => fact !== undefined);
  const description = project.description === '' ? '' : `: ${project.description}`;
  return `${project.key} ${project.name} (${facts.join(', ')})${description}`;
}
