import type { BbRepository } from '@app/bitbucket';
import type { ToolContext } from '@app/mcp';
import { z } from 'zod';

export const repositoryView = z.object({
  workspace: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  private: z.boolean(),
  defaultBranch: z.string().optional(),
  project: z.string().optional(),
  language: z.string().optional(),
  updatedOn: z.string().optional(),
  url: z.string().optional(),
});

export type RepositoryView = z.output<typeof repositoryView>;

export function toRepositoryView(repository: BbRepository): RepositoryView {
  return {
    workspace: repository.workspace,
    slug: repository.slug,
    name: repository.name,
    description: repository.description,
    private: repository.isPrivate,
    ...(repository.defaultBranch === undefined ? {} : { defaultBranch: repository.defaultBranch }),
    ...(repository.projectKey === undefined ? {} : { project: repository.projectKey }),
    ...(repository.language === undefined ? {} : { language: repository.language }),
    ...(repository.updatedOn === undefined ? {} : { updatedOn: repository.updatedOn }),
    ...(repository.url === undefined ? {} : { url: repository.url }),
  };
}

/** `acme/payments-api (main, PLAT, private): Card and bank-transfer payments…` */
export function repositoryLine(repository: RepositoryView, context: ToolContext): string {
  const facts = [
    repository.defaultBranch,
    repository.project,
    context.t(repository.private ? 'tools.VISIBILITY_PRIVATE' : 'tools.VISIBILITY_PUBLIC'),
    repository.language,
  ].filter((fact): fact is string => fact !== undefined && fact !== '');
  const description = repository.description === '' ? '' : `: ${repository.description}`;
  return `${repository.workspace}/${repository.slug} (${facts.join(', ')})${description}`;
}
