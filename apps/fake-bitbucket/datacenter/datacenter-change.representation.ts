import type { FileChange } from '../git/file-change';
import { countChangedLines } from '../git/unified-diff';
import { datacenterPath } from './datacenter-path.representation';

/** The content id Data Center gives the side of a change that does not exist. */
const NO_CONTENT = '0'.repeat(40);

const CHANGE_TYPES = {
  added: { type: 'ADD', gitChangeType: 'ADD' },
  modified: { type: 'MODIFY', gitChangeType: 'MODIFY' },
  removed: { type: 'DELETE', gitChangeType: 'DELETE' },
  renamed: { type: 'MOVE', gitChangeType: 'RENAME' },
} as const;

export interface DatacenterChangeOptions {
  /** The page that lists the change (a commit, a pull request's diff): the change links to it with `#path`. */
  readonly pageHref: string;
}

/** How much of a moved file survived the move, as git's similarity index; -1 for changes that are not moves. */
function percentUnchanged(change: FileChange): number {
  if (change.status !== 'renamed') return -1;
  if (change.before?.id === change.after?.id) return 100;
  const before = change.before?.lineCount ?? 0;
  const lines = Math.max(before, change.after?.lineCount ?? 0);
  return lines === 0 ? 0 : Math.floor(((before - countChangedLines(change).removed) * 100) / lines);
}

/** RestChange: one file of a commit's, a comparison's or a pull request's changes. */
export function datacenterChange(change: FileChange, options: DatacenterChangeOptions): Record<string, unknown> {
  const { type, gitChangeType } = CHANGE_TYPES[change.status];
  const path = change.newPath ?? change.oldPath ?? '';
  return {
    contentId: change.after?.id ?? NO_CONTENT,
    fromContentId: change.before?.id ?? NO_CONTENT,
    path: datacenterPath(path),
    ...(change.after === undefined ? {} : { executable: false }),
    percentUnchanged: percentUnchanged(change),
    type,
    nodeType: 'FILE',
    ...(change.status === 'renamed' && change.oldPath !== undefined ? { srcPath: datacenterPath(change.oldPath) } : {}),
    ...(change.before === undefined ? {} : { srcExecutable: false }),
    properties: { gitChangeType },
    links: { self: [{ href: `${options.pageHref}#${encodeURI(path)}` }] },
  };
}
