import type { FakeDataset } from '../dataset/fake-dataset';
import type { FakeRepository } from '../dataset/fake-repository';
import type { DatacenterLinks } from './datacenter-links';
import { datacenterProject } from './datacenter-project.representation';

/** RestRepository. */
export function datacenterRepository(
  repository: FakeRepository,
  data: FakeDataset,
  links: DatacenterLinks,
): Record<string, unknown> {
  const project = data.findProject(repository.projectKey);
  const host = new URL(links.origin).hostname;
  const path = `${repository.projectKey.toLowerCase()}/${repository.slug}.git`;
  return {
    slug: repository.slug,
    id: repository.id,
    name: repository.name,
    description: repository.description,
    hierarchyId: repository.uuid.replace(/[{}-]/g, '').slice(0, 20),
    scmId: 'git',
    state: 'AVAILABLE',
    statusMessage: 'Available',
    forkable: true,
    project: project === undefined ? null : datacenterProject(project, links),
    public: !repository.isPrivate,
    archived: false,
    links: {
      clone: [
        { href: links.href(`/scm/${path}`), name: 'http' },
        { href: `ssh://git@${host}:7999/${path}`, name: 'ssh' },
      ],
      ...links.self(`/projects/${repository.projectKey}/repos/${repository.slug}/browse`),
    },
  };
}
