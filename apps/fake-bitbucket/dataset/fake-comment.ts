export interface FakeInlineAnchor {
  readonly path: string;
  /** Line on the old side (Cloud `from`), for removed or context lines. */
  readonly from?: number;
  /** Line on the new side (Cloud `to`), for added or context lines. */
  readonly to?: number;
}

/**
 * A pull request comment or task. Cloud shows tasks under /tasks, separate from comments;
 * Data Center shows them as comments of severity BLOCKER under /blocker-comments.
 */
export interface FakeComment {
  readonly id: number;
  readonly repoKey: string;
  readonly pullRequestId: number;
  readonly kind: 'comment' | 'task';
  readonly authorSlug: string;
  text: string;
  readonly createdAt: Date;
  updatedAt: Date;
  readonly parentId?: number;
  readonly inline?: FakeInlineAnchor;
  deleted: boolean;
  /** Data Center version: +1 on every edit. */
  version: number;
  /** Comment threads: resolved by someone (Cloud `resolution`, DC `threadResolved`). */
  resolution?: { readonly bySlug: string; readonly at: Date };
  /** Tasks: OPEN/RESOLVED (Cloud UNRESOLVED/RESOLVED). */
  taskState?: 'OPEN' | 'RESOLVED';
  taskResolvedBySlug?: string;
  taskResolvedAt?: Date;
  /** Cloud task attached to a comment. */
  readonly anchorCommentId?: number;
}
