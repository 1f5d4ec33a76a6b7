import type { FakeRepository } from '../dataset/fake-repository';
import type { CloudLinks } from './cloud-links';

/** `{type:"commit", hash, links}`: how Cloud points at a commit from files, targets and statuses. */
export function cloudShortCommit(repository: FakeRepository, hash: string, links: CloudLinks): Record<string, unknown> {
  const full = `${repository.workspaceSlug}/${repository.slug}`;
  return {
    type: 'commit',
    hash,
    links: {
      self: links.api(`/repositories/${full}/commit/${hash}`),
      html: links.web(`/${full}/commits/${hash}`),
    },
  };
}
