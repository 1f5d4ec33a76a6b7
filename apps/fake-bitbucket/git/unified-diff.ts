import { structuredPatch } from 'diff';
import type { FileChange } from './file-change';

export interface DiffLineCounts {
  readonly added: number;
  readonly removed: number;
}

export interface UnifiedDiffOptions {
  readonly context?: number;
  /** Only these paths (old or new side); all files when empty or absent. */
  readonly paths?: readonly string[];
  /** Lines that differ only in whitespace count as unchanged (`git diff -w`). */
  readonly ignoreWhitespace?: boolean;
}

const shortId = (id: string | undefined): string => (id ?? '0'.repeat(40)).slice(0, 7);

/** `start,count` as git prints it: an empty side starts at the line before (`-0,0` for a new file). */
const hunkRange = (start: number, count: number): string =>
  count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;

/** One file's hunks as jsdiff computes them; a missing side reads as empty (jsdiff starts it at line 1). */
export function hunksOf(change: FileChange, context: number, ignoreWhitespace = false) {
  return structuredPatch(
    change.oldPath ?? '',
    change.newPath ?? '',
    change.before?.text ?? '',
    change.after?.text ?? '',
    '',
    '',
    { context, ignoreWhitespace },
  ).hunks;
}

/** Added and removed line counts, as a diffstat reports them (0/0 for binary files). */
export function countChangedLines(change: FileChange): DiffLineCounts {
  if (change.before?.binary === true || change.after?.binary === true) return { added: 0, removed: 0 };
  let added = 0;
  let removed = 0;
  for (const hunk of hunksOf(change, 0)) {
    for (const line of hunk.lines) {
      if (line.startsWith('+')) added += 1;
      else if (line.startsWith('-')) removed += 1;
    }
  }
  return { added, removed };
}

export function changeTouches(change: FileChange, paths: readonly string[] | undefined): boolean {
  if (paths === undefined || paths.length === 0) return true;
  return paths.some((path) => path === change.oldPath || path === change.newPath);
}

/** The text `git diff` prints for these changes: headers, index lines, hunks, binary notices. */
export function renderUnifiedDiff(changes: readonly FileChange[], options: UnifiedDiffOptions = {}): string {
  const context = options.context ?? 3;
  const out: string[] = [];
  for (const change of changes) {
    if (!changeTouches(change, options.paths)) continue;
    const oldPath = change.oldPath ?? change.newPath ?? '';
    const newPath = change.newPath ?? change.oldPath ?? '';
    out.push(`diff --git a/${oldPath} b/${newPath}`);
    if (change.status === 'added') out.push('new file mode 100644');
    if (change.status === 'removed') out.push('deleted file mode 100644');
    if (change.status === 'renamed') out.push(`rename from ${oldPath}`, `rename to ${newPath}`);
    const sameContent = change.before?.id === change.after?.id;
    if (change.status === 'renamed' && sameContent) continue;
    out.push(
      `index ${shortId(change.before?.id)}..${shortId(change.after?.id)}${change.status === 'modified' || change.status === 'renamed' ? ' 100644' : ''}`,
    );
    const from = change.before ? `a/${oldPath}` : '/dev/null';
    const to = change.after ? `b/${newPath}` : '/dev/null';
    if (change.before?.binary === true || change.after?.binary === true) {
      out.push(`Binary files ${from} and ${to} differ`);
      continue;
    }
    out.push(`--- ${from}`, `+++ ${to}`);
    for (const hunk of hunksOf(change, context, options.ignoreWhitespace)) {
      out.push(
        `@@ -${hunkRange(hunk.oldStart, hunk.oldLines)} +${hunkRange(hunk.newStart, hunk.newLines)} @@`,
        ...hunk.lines,
      );
    }
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
