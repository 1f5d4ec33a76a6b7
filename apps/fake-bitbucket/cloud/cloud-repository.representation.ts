import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakeRepository } from '../dataset/fake-repository';
import type { CloudLinks } from './cloud-links';

export function cloudRepository(
  repository: FakeRepository,
  data: FakeDataset,
  links: CloudLinks,
): Record<string, unknown> {
  const workspace = data.findWorkspace(repository.workspaceSlug);
  const project = data.findProject(repository.projectKey);
  const full = `${repository.workspaceSlug}/${repository.slug}`;
  const api = (rest: string): { href: string } => links.api(`/repositories/${full}${rest}`);
  return {
    type: 'repository',
    uuid: repository.uuid,
    name: repository.name,
    slug: repository.slug,
    full_name: full,
    description: repository.description,
    is_private: repository.isPrivate,
    scm: 'git',
    fork_policy: 'no_public_forks',
    language: repository.language,
    size: [...repository.git.commits.values()].length * 2048,
    has_issues: repository.hasIssues,
    has_wiki: false,
    website: null,
    created_on: repository.createdAt.toISOString(),
    updated_on: repository.updatedAt.toISOString(),
    mainbranch: { type: 'branch', name: repository.git.defaultBranch },
    owner:
      workspace === undefined
        ? null
        : {
            type: 'team',
            uuid: workspace.uuid,
            username: workspace.slug,
            display_name: workspace.name,
            links: { self: links.api(`/workspaces/${workspace.slug}`) },
          },
    workspace:
      workspace === undefined
        ? null
        : {
            type: 'workspace',
            uuid: workspace.uuid,
            slug: workspace.slug,
            name: workspace.name,
            links: { self: links.api(`/workspaces/${workspace.slug}`) },
          },
    project:
      project === undefined
        ? null
        : {
            type: 'project',
            uuid: project.uuid,
            key: project.key,
            name: project.name,
            links: { self: links.api(`/workspaces/${project.workspaceSlug}/projects/${project.key}`) },
          },
    links: {
      self: api(''),
      html: links.web(`/${full}`),
      avatar: links.web(`/${full}/avatar/32/`),
      pullrequests: api('/pullrequests'),
      commits: api('/commits'),
      forks: api('/forks'),
      watchers: api('/watchers'),
      downloads: api('/downloads'),
      hooks: api('/hooks'),
      branches: api('/refs/branches'),
      tags: api('/refs/tags'),
      source: api('/src'),
      issues: api('/issues'),
      clone: [
        { name: 'https', href: `${links.origin}/${full}.git` },
        { name: 'ssh', href: `git@${new URL(links.origin).hostname}:${full}.git` },
      ],
    },
  };
}
