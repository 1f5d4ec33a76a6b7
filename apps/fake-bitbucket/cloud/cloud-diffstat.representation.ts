import type { FakeRepository } from '../dataset/fake-repository';
import type { FileChange } from '../git/file-change';
import { countChangedLines } from '../git/unified-diff';
import type { CloudLinks } from './cloud-links';
import { cloudSourcePath } from './cloud-source-path';

/** Cloud `diffstat`: one file's status and line counts, `old`/`new` null where the file is absent. */
export function cloudDiffstat(
  repository: FakeRepository,
  change: FileChange,
  from: string | undefined,
  to: string,
  links: CloudLinks,
): Record<string, unknown> {
  // Diffstat sides are the short commit_file of the spec's example: no size, attributes or commit.
  const side = (hash: string | undefined, path: string | undefined): Record<string, unknown> | null =>
    hash === undefined || path === undefined
      ? null
      : {
          type: 'commit_file',
          path,
          escaped_path: path,
          links: {
            self: links.api(
              `/repositories/${repository.workspaceSlug}/${repository.slug}/src/${hash}/${cloudSourcePath(path)}`,
            ),
          },
        };
  const counts = countChangedLines(change);
  return {
    type: 'diffstat',
    status: change.status,
    lines_added: counts.added,
    lines_removed: counts.removed,
    old: change.before === undefined ? null : side(from, change.oldPath),
    new: change.after === undefined ? null : side(to, change.newPath),
  };
}
