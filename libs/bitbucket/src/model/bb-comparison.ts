import type { BbCommit } from './bb-commit';
import type { BbFileChange } from './bb-file-change';

/** How two refs differ: commits only on `from`, how many only on `to`, and the files `from` changes. */
export interface BbComparison {
  readonly from: string;
  readonly to: string;
  readonly ahead: readonly BbCommit[];
  readonly aheadTotal: number;
  readonly behindTotal: number;
  readonly files: readonly BbFileChange[];
  readonly mergeBase?: string;
}
