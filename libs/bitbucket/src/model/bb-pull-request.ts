import type { BbUser } from './bb-user';

export type BbPullRequestState = 'OPEN' | 'MERGED' | 'DECLINED' | 'SUPERSEDED';
export type BbReviewStatus = 'approved' | 'changes_requested' | 'none';

export interface BbReviewer {
  readonly user: BbUser;
  readonly role: 'reviewer' | 'participant';
  readonly status: BbReviewStatus;
}

export interface BbPullRequest {
  readonly id: number;
  readonly title: string;
  readonly description: string;
  readonly state: BbPullRequestState;
  readonly draft: boolean;
  readonly author: BbUser;
  readonly sourceBranch: string;
  readonly sourceCommit?: string;
  /** `workspace/repo` of the source when it is a fork. */
  readonly sourceRepository?: string;
  readonly destinationBranch: string;
  readonly destinationCommit?: string;
  readonly reviewers: readonly BbReviewer[];
  readonly createdOn: string;
  readonly updatedOn: string;
  readonly closedOn?: string;
  readonly closedBy?: BbUser;
  readonly mergeCommit?: string;
  readonly commentCount?: number;
  readonly openTaskCount?: number;
  readonly url?: string;
  /** Data Center optimistic-locking version (the gateway handles it for callers). */
  readonly version?: number;
}
