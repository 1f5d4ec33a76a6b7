import type { FakeRepository } from '../dataset/fake-repository';
import type { FileBlob } from '../git/file-blob';
import { fileMimeType } from './cloud-file-mime-type';
import type { CloudLinks } from './cloud-links';
import { cloudShortCommit } from './cloud-short-commit.representation';
import { cloudSourcePath } from './cloud-source-path';

/** Cloud `commit_file`: a file at a commit (source listings, `?format=meta`, diffstat sides, search hits). */
export function cloudCommitFile(
  repository: FakeRepository,
  hash: string,
  path: string,
  blob: FileBlob,
  links: CloudLinks,
): Record<string, unknown> {
  const base = `/repositories/${repository.workspaceSlug}/${repository.slug}`;
  const at = `${hash}/${cloudSourcePath(path)}`;
  return {
    type: 'commit_file',
    path,
    escaped_path: path,
    size: blob.content.length,
    mimetype: fileMimeType(path, blob.binary),
    attributes: blob.binary ? ['binary'] : [],
    commit: cloudShortCommit(repository, hash, links),
    links: {
      self: links.api(`${base}/src/${at}`),
      meta: links.api(`${base}/src/${at}?format=meta`),
      history: links.api(`${base}/filehistory/${at}`),
    },
  };
}
