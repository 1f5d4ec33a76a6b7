import type { FakeRepository } from '../dataset/fake-repository';
import type { CloudLinks } from './cloud-links';
import { cloudShortCommit } from './cloud-short-commit.representation';
import { cloudSourcePath } from './cloud-source-path';

/** Cloud `commit_directory`: its `self` link lists the directory, `meta` describes it. */
export function cloudCommitDirectory(
  repository: FakeRepository,
  hash: string,
  path: string,
  links: CloudLinks,
): Record<string, unknown> {
  const listing = `/repositories/${repository.workspaceSlug}/${repository.slug}/src/${hash}/${path === '' ? '' : `${cloudSourcePath(path)}/`}`;
  return {
    type: 'commit_directory',
    path,
    commit: cloudShortCommit(repository, hash, links),
    links: { self: links.api(listing), meta: links.api(`${listing}?format=meta`) },
  };
}
