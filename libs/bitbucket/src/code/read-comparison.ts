import type { BbCommit } from '../model/bb-commit';
import type { BbComparison } from '../model/bb-comparison';
import type { BbFileChange } from '../model/bb-file-change';

/** How many of the commits ahead a comparison lists; it counts them all. */
const AHEAD_LISTED = 100;

/** The reads a comparison is made of, in one flavor's terms. */
export interface ComparisonReads<C, F> {
  /** The commit a ref names, so that every read below sees the same two commits. */
  readonly resolve: (ref: string) => Promise<string>;
  /** Commits on `include` and not on `exclude`, newest first, read to the end. */
  readonly between: (include: string, exclude: string) => Promise<readonly C[]>;
  /** The files `from` changes since it left `to`. */
  readonly files: (from: string, to: string) => Promise<readonly F[]>;
  /** The merge base of the two commits, if their histories share one. */
  readonly mergeBase: (from: string, to: string) => Promise<string | undefined>;
  readonly commit: (json: C) => BbCommit;
  readonly fileChange: (json: F) => BbFileChange;
}

/**
 * `from` relative to `to` (BitbucketClient.compareRefs): both refs are resolved first, then the
 * commits ahead and behind, the changed files and the merge base are read at once.
 */
export async function readComparison<C, F>(
  input: { from: string; to: string },
  reads: ComparisonReads<C, F>,
): Promise<BbComparison> {
  const [from, to] = await Promise.all([reads.resolve(input.from), reads.resolve(input.to)]);
  const [ahead, behind, files, mergeBase] = await Promise.all([
    reads.between(from, to),
    reads.between(to, from),
    reads.files(from, to),
    reads.mergeBase(from, to),
  ]);
  return {
    from: input.from,
    to: input.to,
    ahead: ahead.slice(0, AHEAD_LISTED).map(reads.commit),
    aheadTotal: ahead.length,
    behindTotal: behind.length,
    files: files.map(reads.fileChange),
    ...(mergeBase === undefined ? {} : { mergeBase }),
  };
}
