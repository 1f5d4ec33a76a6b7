import type { DatacenterLinksJson, DatacenterRepositoryJson, DatacenterUserJson } from './datacenter-json';

/**
 * Data Center JSON of pull requests and their review loop (docs/bitbucket-api.md#data-center-pull-requests: the
 * DC spec's RestPullRequest, RestPullRequestParticipant, RestComment, RestPullRequestActivity). Dates are epoch milliseconds.
 */
export interface DatacenterPullRequestRefJson {
  readonly id?: string;
  readonly displayId?: string;
  readonly latestCommit?: string;
  readonly repository?: DatacenterRepositoryJson;
}

export interface DatacenterParticipantJson {
  readonly user?: DatacenterUserJson;
  readonly role?: string;
  readonly approved?: boolean;
  /** APPROVED, NEEDS_WORK or UNAPPROVED. */
  readonly status?: string;
}

export interface DatacenterPullRequestJson {
  readonly id: number;
  /** Optimistic-locking counter: every write of the pull request must name the current one. */
  readonly version?: number;
  readonly title?: string;
  readonly description?: string;
  readonly state?: string;
  readonly draft?: boolean;
  readonly createdDate?: number;
  readonly updatedDate?: number;
  readonly closedDate?: number;
  readonly fromRef?: DatacenterPullRequestRefJson;
  readonly toRef?: DatacenterPullRequestRefJson;
  readonly author?: DatacenterParticipantJson;
  readonly reviewers?: readonly DatacenterParticipantJson[];
  readonly participants?: readonly DatacenterParticipantJson[];
  readonly properties?: {
    readonly commentCount?: number;
    readonly openTaskCount?: number;
    /** Once merged (not in the 9.4 spec; real merged pull requests carry it, e.g. `pr:merged` webhook bodies). */
    readonly mergeCommit?: { readonly id?: string; readonly displayId?: string };
  };
  readonly links?: DatacenterLinksJson;
}

/** RestCommentThreadDiffAnchor: a file comment has a path only, a line comment its line on one side. */
export interface DatacenterCommentAnchorJson {
  readonly path?: string;
  readonly srcPath?: string;
  readonly line?: number;
  /** ADDED, REMOVED or CONTEXT. */
  readonly lineType?: string;
  /** FROM (the old file) or TO (the new one). */
  readonly fileType?: string;
}

export interface DatacenterCommentJson {
  readonly id: number;
  readonly version?: number;
  readonly text?: string;
  readonly author?: DatacenterUserJson;
  readonly createdDate?: number;
  readonly updatedDate?: number;
  /** Replies, nested. */
  readonly comments?: readonly DatacenterCommentJson[];
  readonly anchor?: DatacenterCommentAnchorJson;
  readonly parent?: { readonly id?: number };
  /** NORMAL, or BLOCKER for a task. */
  readonly severity?: string;
  /** A task's OPEN or RESOLVED. */
  readonly state?: string;
  readonly threadResolved?: boolean;
}

export interface DatacenterActivityJson {
  readonly id?: number;
  readonly createdDate?: number;
  readonly user?: DatacenterUserJson;
  readonly action?: string;
  /** ADDED, EDITED or DELETED, on COMMENTED activities. */
  readonly commentAction?: string;
  readonly comment?: DatacenterCommentJson;
}

/** A file path as RestDiff names it. */
export interface DatacenterDiffPathJson {
  readonly components?: readonly string[];
}

/** The parts of one file's RestDiff that say which lines are added, removed or context. */
export interface DatacenterFileDiffJson {
  readonly source?: DatacenterDiffPathJson | null;
  readonly hunks?: readonly {
    readonly segments?: readonly {
      readonly type?: string;
      readonly lines?: readonly { readonly source?: number; readonly destination?: number }[];
    }[];
  }[];
}

export interface DatacenterDiffJson {
  readonly fromHash?: string;
  readonly toHash?: string;
  readonly diffs?: readonly DatacenterFileDiffJson[];
}
