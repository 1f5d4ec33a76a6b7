import type { BbUser } from './bb-user';

export interface BbInlineAnchor {
  readonly path: string;
  readonly line: number;
  /** `new`: the line as it is after the change; `old`: a removed line, numbered in the old file. */
  readonly side: 'new' | 'old';
}

/** A pull request comment, with its replies nested when listed as threads. */
export interface BbComment {
  readonly id: number;
  readonly author: BbUser;
  readonly text: string;
  readonly createdOn: string;
  readonly updatedOn: string;
  readonly parentId?: number;
  readonly inline?: BbInlineAnchor;
  readonly resolved: boolean;
  readonly deleted: boolean;
  readonly replies: readonly BbComment[];
  readonly version?: number;
}
