/** One file of a diffstat / change list. */
export interface BbFileChange {
  readonly path: string;
  readonly oldPath?: string;
  readonly status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied';
  readonly linesAdded?: number;
  readonly linesRemoved?: number;
  readonly binary?: boolean;
}
