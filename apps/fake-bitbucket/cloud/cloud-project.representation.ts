import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakeProject } from '../dataset/fake-project';
import type { CloudLinks } from './cloud-links';

export function cloudProject(project: FakeProject, data: FakeDataset, links: CloudLinks): Record<string, unknown> {
  const workspace = data.findWorkspace(project.workspaceSlug);
  return {
    type: 'project',
    uuid: project.uuid,
    key: project.key,
    name: project.name,
    description: project.description,
    is_private: project.isPrivate,
    has_publicly_visible_repos: data.repositories.some((r) => r.projectKey === project.key && !r.isPrivate),
    created_on: project.createdAt.toISOString(),
    updated_on: project.createdAt.toISOString(),
    owner:
      workspace === undefined
        ? null
        : { type: 'team', uuid: workspace.uuid, username: workspace.slug, display_name: workspace.name },
    links: {
      self: links.api(`/workspaces/${project.workspaceSlug}/projects/${project.key}`),
      html: links.web(`/${project.workspaceSlug}/workspace/projects/${project.key}`),
      avatar: links.web(`/account/user/${project.workspaceSlug}/projects/${project.key}/avatar/32`),
    },
  };
}
