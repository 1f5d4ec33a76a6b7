import type { FakeWorkspace } from '../dataset/fake-workspace';
import type { CloudLinks } from './cloud-links';

export function cloudWorkspace(workspace: FakeWorkspace, links: CloudLinks): Record<string, unknown> {
  const base = `/workspaces/${workspace.slug}`;
  return {
    type: 'workspace',
    uuid: workspace.uuid,
    slug: workspace.slug,
    name: workspace.name,
    is_private: workspace.isPrivate,
    created_on: workspace.createdAt.toISOString(),
    updated_on: workspace.createdAt.toISOString(),
    links: {
      self: links.api(base),
      html: links.web(`/${workspace.slug}/`),
      avatar: links.web(`/workspaces/${workspace.slug}/avatar/`),
      members: links.api(`${base}/members`),
      owners: links.api(`${base}/members?q=permission%3D%22owner%22`),
      projects: links.api(`${base}/projects`),
      repositories: links.api(`/repositories/${workspace.slug}`),
      snippets: links.api(`/snippets/${workspace.slug}`),
    },
  };
}
