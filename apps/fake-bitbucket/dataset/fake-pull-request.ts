export type FakePullRequestState = 'OPEN' | 'MERGED' | 'DECLINED' | 'SUPERSEDED';
export type FakeReviewStatus = 'approved' | 'changes_requested' | null;

export interface FakeParticipant {
  readonly userSlug: string;
  role: 'REVIEWER' | 'PARTICIPANT';
  status: FakeReviewStatus;
  participatedOn: Date | null;
  /** Commit the participant last reviewed (DC `lastReviewedCommit`). */
  lastReviewedCommit?: string;
}

export type FakePullRequestEventType =
  | 'opened'
  | 'updated'
  | 'rescoped'
  | 'approved'
  | 'unapproved'
  | 'changes_requested'
  | 'changes_request_removed'
  | 'commented'
  | 'merged'
  | 'declined'
  | 'reopened';

export interface FakePullRequestEvent {
  readonly id: number;
  readonly type: FakePullRequestEventType;
  readonly userSlug: string;
  readonly at: Date;
  readonly commentId?: number;
  /** For `updated`: what changed, e.g. title, description, reviewers. */
  readonly changed?: readonly string[];
}

export interface FakePullRequest {
  readonly id: number;
  /** `<workspace>/<repo>` of the destination repository. */
  readonly repoKey: string;
  title: string;
  description: string;
  state: FakePullRequestState;
  draft: boolean;
  readonly authorSlug: string;
  readonly sourceRepoKey: string;
  readonly sourceBranch: string;
  destinationBranch: string;
  /** Heads frozen when the pull request closed; open ones follow their branches. */
  closedSourceCommit?: string;
  closedDestinationCommit?: string;
  /** Destination head a merge started from (a fast-forward leaves no merge commit to read it from). */
  destinationBeforeMerge?: string;
  participants: FakeParticipant[];
  readonly createdAt: Date;
  updatedAt: Date;
  closedAt?: Date;
  closedBySlug?: string;
  mergeCommit?: string;
  closeSourceBranch: boolean;
  reason: string;
  /** Data Center optimistic-locking version: starts at 0, +1 on every change. */
  version: number;
  readonly events: FakePullRequestEvent[];
}
