export interface BbCodeSearchHit {
  readonly workspace: string;
  readonly repo: string;
  readonly path: string;
  readonly matchCount: number;
  /** Matching lines with their numbers; `text` is plain text (no highlighting markup). */
  readonly lines: readonly { readonly line: number; readonly text: string }[];
}
