import type { DatacenterPageJson, DatacenterRepositoryJson, DatacenterUserJson } from './datacenter-json';

/**
 * Data Center JSON of refs, commits, changes, build statuses, directories and code search (docs/bitbucket-api.md#data-center-refs to
 * docs/bitbucket-api.md#data-center-code-search; code search is not in the spec). Only
 * what the gateway reads; everything optional-minded. First, a RestBranch or RestTag.
 */
export interface DatacenterRefJson {
  readonly displayId: string;
  readonly latestCommit?: string;
  readonly latestChangeset?: string;
  /** Real responses say `isDefault`; the published spec says `default`. */
  readonly isDefault?: boolean;
  readonly default?: boolean;
}

export interface DatacenterCommitJson {
  readonly id: string;
  /** A RestApplicationUser when the email belongs to a Bitbucket user, else git's RestPerson (name, email). */
  readonly author?: DatacenterUserJson;
  readonly authorTimestamp?: number;
  readonly message?: string;
  readonly parents?: readonly { readonly id: string }[];
}

/** RestPath: a repository path as components and as text. */
export interface DatacenterPathJson {
  readonly components?: readonly string[];
  /** The path as text: a string when sent, else the method every object inherits, hence `unknown`. */
  readonly toString?: unknown;
}

/** RestChange: one file of a commit's, a comparison's or a pull request's changes. */
export interface DatacenterChangeJson {
  readonly type?: string;
  readonly path?: DatacenterPathJson;
  /** The old path of a move or copy. */
  readonly srcPath?: DatacenterPathJson;
}

/** A build status as `/rest/build-status` lists it (`dateAdded`), or RestBuildStatus (`updatedDate`). */
export interface DatacenterBuildStatusJson {
  readonly key?: string;
  readonly name?: string;
  readonly state?: string;
  readonly url?: string;
  readonly description?: string;
  readonly dateAdded?: number;
  readonly updatedDate?: number;
}

/** `browse/{path}?type=true`. */
export interface DatacenterNodeTypeJson {
  readonly type?: string;
}

/** A child of a browsed directory; its path is relative to the directory. */
export interface DatacenterDirectoryChildJson {
  readonly path?: DatacenterPathJson;
  readonly type?: string;
  readonly size?: number;
}

/** `browse/{path}`: a directory has `children`; a file answers its lines instead. */
export interface DatacenterBrowseJson {
  readonly children?: DatacenterPageJson<DatacenterDirectoryChildJson>;
}

export interface DatacenterCodeSearchHitJson {
  readonly repository?: DatacenterRepositoryJson;
  readonly file?: string;
  /** Groups of lines around the matches; text is HTML-escaped with `<em>` around what matched. */
  readonly hitContexts?: readonly (readonly { readonly line?: number; readonly text?: string }[])[];
  readonly hitCount?: number;
}

/** `POST /rest/search/latest/search`: code hits under `code`, paged with `start` / `nextStart`. */
export interface DatacenterCodeSearchJson {
  readonly code?: {
    readonly values?: readonly DatacenterCodeSearchHitJson[];
    readonly isLastPage?: boolean;
    readonly nextStart?: number;
  };
}
