import type { FakeProject } from '../dataset/fake-project';
import type { DatacenterLinks } from './datacenter-links';

/** RestProject. */
export function datacenterProject(project: FakeProject, links: DatacenterLinks): Record<string, unknown> {
  return {
    key: project.key,
    id: project.id,
    name: project.name,
    description: project.description,
    public: !project.isPrivate,
    type: 'NORMAL',
    links: links.self(`/projects/${project.key}`),
  };
}
