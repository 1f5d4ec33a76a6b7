import type { CloudAccountJson, CloudLinkJson } from './cloud-json';

/** Cloud 2.0 JSON of pull requests and their review loop (docs/bitbucket-api.md#cloud-pull-requests). */
export interface CloudRenderedJson {
  readonly raw?: string;
}

export interface CloudPullRequestEndJson {
  readonly branch?: { readonly name?: string } | null;
  readonly commit?: { readonly hash?: string } | null;
  readonly repository?: { readonly full_name?: string } | null;
}

export interface CloudParticipantJson {
  readonly user?: CloudAccountJson | null;
  readonly role?: string;
  readonly approved?: boolean;
  readonly state?: string | null;
}

export interface CloudPullRequestJson {
  readonly id: number;
  readonly title?: string;
  readonly description?: string;
  readonly state?: string;
  readonly draft?: boolean;
  readonly author?: CloudAccountJson | null;
  readonly source?: CloudPullRequestEndJson;
  readonly destination?: CloudPullRequestEndJson;
  readonly reviewers?: readonly CloudAccountJson[];
  readonly participants?: readonly CloudParticipantJson[];
  readonly created_on?: string;
  readonly updated_on?: string;
  readonly closed_on?: string | null;
  readonly closed_by?: CloudAccountJson | null;
  readonly merge_commit?: { readonly hash?: string } | null;
  readonly comment_count?: number;
  readonly task_count?: number;
  readonly links?: { readonly html?: CloudLinkJson; readonly diff?: CloudLinkJson };
}

export interface CloudInlineJson {
  readonly path?: string;
  readonly from?: number | null;
  readonly to?: number | null;
}

export interface CloudCommentJson {
  readonly id: number;
  readonly content?: CloudRenderedJson;
  readonly user?: CloudAccountJson | null;
  readonly created_on?: string;
  readonly updated_on?: string | null;
  readonly deleted?: boolean;
  readonly inline?: CloudInlineJson | null;
  readonly parent?: { readonly id?: number } | null;
  readonly resolution?: { readonly created_on?: string } | null;
}

export interface CloudTaskJson {
  readonly id: number;
  readonly state?: string;
  readonly content?: CloudRenderedJson;
  readonly creator?: CloudAccountJson | null;
  readonly created_on?: string;
  readonly comment?: { readonly id?: number } | null;
}

interface CloudReviewEventJson {
  readonly date?: string;
  readonly user?: CloudAccountJson | null;
}

/** One activity entry: exactly one of `update`, `approval`, `changes_requested`, `comment` (v2.0 endpoint). */
export interface CloudActivityJson {
  readonly update?: {
    readonly state?: string;
    readonly date?: string;
    readonly author?: CloudAccountJson | null;
    readonly title?: string;
    readonly changes?: Readonly<Record<string, unknown>> | null;
  };
  readonly approval?: CloudReviewEventJson;
  readonly changes_requested?: CloudReviewEventJson;
  readonly comment?: CloudCommentJson;
}

export interface CloudMergeTaskJson {
  readonly task_status?: string;
  readonly merge_result?: CloudPullRequestJson;
  readonly error?: { readonly message?: string };
}
