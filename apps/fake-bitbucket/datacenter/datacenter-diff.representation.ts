import type { FileChange } from '../git/file-change';
import { hunksOf } from '../git/unified-diff';
import { changeUnderPaths } from './datacenter-path-filter';
import { datacenterPath } from './datacenter-path.representation';
import { DATACENTER_DIFF_CONTEXT } from './datacenter-diff-context';

export type DatacenterWhitespace = 'SHOW' | 'IGNORE_ALL';

export interface DatacenterDiffOptions {
  /** The old side; null when the request named none (a commit against its parent). */
  readonly fromHash: string | null;
  readonly toHash: string;
  /** Data Center's JSON diffs default to 10 lines of context. */
  readonly contextLines?: number;
  readonly whitespace?: DatacenterWhitespace;
  /** Only changes of these files, or under these directories; all when empty or absent. */
  readonly paths?: readonly string[];
}

type SegmentType = 'ADDED' | 'REMOVED' | 'CONTEXT';

interface DiffLine {
  readonly source: number;
  readonly destination: number;
  readonly line: string;
  readonly truncated: boolean;
}

interface DiffSegment {
  readonly type: SegmentType;
  readonly lines: DiffLine[];
  readonly truncated: boolean;
}

type Hunk = ReturnType<typeof hunksOf>[number];

const SEGMENT_TYPES: Readonly<Record<string, SegmentType>> = { '+': 'ADDED', '-': 'REMOVED', ' ': 'CONTEXT' };

/**
 * RestDiffHunk. Every line carries both sides' numbers: an added line the source line it comes
 * before, a removed line the destination line it would have been; an empty side starts at 0, as in git.
 */
function datacenterHunk(hunk: Hunk): Record<string, unknown> {
  let source = hunk.oldStart;
  let destination = hunk.newStart;
  const segments: DiffSegment[] = [];
  for (const text of hunk.lines) {
    const type = SEGMENT_TYPES[text.charAt(0)];
    // "\ No newline at end of file" annotates the raw diff only.
    if (type === undefined) continue;
    const line: DiffLine = { source, destination, line: text.slice(1), truncated: false };
    if (type !== 'ADDED') source += 1;
    if (type !== 'REMOVED') destination += 1;
    const last = segments.at(-1);
    if (last?.type === type) last.lines.push(line);
    else segments.push({ type, lines: [line], truncated: false });
  }
  return {
    sourceLine: hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart,
    sourceSpan: hunk.oldLines,
    destinationLine: hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart,
    destinationSpan: hunk.newLines,
    segments,
    truncated: false,
  };
}

/** One file's diff: `source` is null for an added file, `destination` for a deleted one; binary files have no hunks. */
function datacenterFileDiff(change: FileChange, contextLines: number, whitespace: DatacenterWhitespace) {
  const sides = {
    source: change.before === undefined ? null : datacenterPath(change.oldPath ?? ''),
    destination: change.after === undefined ? null : datacenterPath(change.newPath ?? ''),
  };
  if (change.before?.binary === true || change.after?.binary === true) {
    return { ...sides, binary: true, truncated: false };
  }
  const hunks = hunksOf(change, contextLines, whitespace === 'IGNORE_ALL');
  return { ...sides, hunks: hunks.map(datacenterHunk), truncated: false };
}

/**
 * RestDiff as the diff endpoints answer it: the per-file diffs (the spec's RestDiff) wrapped in
 * `diffs`, with the hashes, context and whitespace mode they were computed with. Shared by commit,
 * comparison and pull request diffs, so it only depends on the file changes.
 */
export function datacenterDiff(
  changes: readonly FileChange[],
  options: DatacenterDiffOptions,
): Record<string, unknown> {
  const contextLines = options.contextLines ?? DATACENTER_DIFF_CONTEXT;
  const whitespace = options.whitespace ?? 'SHOW';
  return {
    fromHash: options.fromHash,
    toHash: options.toHash,
    contextLines,
    whitespace,
    diffs: changes
      .filter((change) => changeUnderPaths(change, options.paths))
      .map((change) => datacenterFileDiff(change, contextLines, whitespace)),
    truncated: false,
  };
}
