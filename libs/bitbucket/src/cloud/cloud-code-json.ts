import type { CloudAccountJson, CloudLinkJson } from './cloud-json';

/**
 * Cloud 2.0 JSON of refs, commits, diffs, statuses, source and code search (docs/bitbucket-api.md#cloud-refs to
 * docs/bitbucket-api.md#cloud-code-search). Only what the gateway reads; everything optional-minded.
 */
export interface CloudCommitRefJson {
  readonly hash?: string;
  readonly date?: string;
}

export interface CloudRefJson {
  readonly name: string;
  readonly type?: string;
  readonly target?: CloudCommitRefJson | null;
  /** Annotated tags. */
  readonly message?: string | null;
  readonly date?: string | null;
}

export interface CloudCommitJson {
  readonly hash: string;
  readonly date?: string;
  readonly message?: string;
  readonly author?: { readonly raw?: string; readonly user?: CloudAccountJson | null } | null;
  readonly parents?: readonly CloudCommitRefJson[];
}

export interface CloudCommitFileJson {
  readonly path?: string;
  readonly type?: string;
}

export interface CloudDiffstatJson {
  readonly status?: string;
  readonly lines_added?: number;
  readonly lines_removed?: number;
  readonly old?: CloudCommitFileJson | null;
  readonly new?: CloudCommitFileJson | null;
}

export interface CloudCommitStatusJson {
  readonly key?: string;
  readonly name?: string | null;
  readonly state?: string;
  readonly url?: string | null;
  readonly description?: string | null;
  readonly updated_on?: string;
}

/** A `commit_file` or `commit_directory` of a source listing or `?format=meta`. */
export interface CloudTreeEntryJson {
  readonly type?: string;
  readonly path: string;
  readonly size?: number;
  readonly attributes?: readonly string[];
  readonly commit?: CloudCommitRefJson;
}

export interface CloudSearchSegmentJson {
  readonly text?: string;
  readonly match?: boolean;
}

export interface CloudCodeSearchResultJson {
  readonly content_match_count?: number;
  readonly content_matches?: readonly {
    readonly lines?: readonly { readonly line?: number; readonly segments?: readonly CloudSearchSegmentJson[] }[];
  }[];
  readonly file?: {
    readonly path?: string;
    readonly commit?: { readonly repository?: { readonly full_name?: string } | null } | null;
    readonly links?: { readonly self?: CloudLinkJson };
  };
}
