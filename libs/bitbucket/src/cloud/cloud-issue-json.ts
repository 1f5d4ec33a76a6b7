import type { CloudAccountJson, CloudLinkJson } from './cloud-json';
import type { CloudRenderedJson } from './cloud-review-json';

/** Cloud 2.0 JSON of the issue tracker (docs/bitbucket-api.md#cloud-issues). */
export interface CloudIssueJson {
  readonly id: number;
  readonly title?: string;
  readonly content?: CloudRenderedJson | null;
  readonly state?: string;
  readonly kind?: string;
  readonly priority?: string;
  readonly reporter?: CloudAccountJson | null;
  readonly assignee?: CloudAccountJson | null;
  readonly created_on?: string;
  readonly updated_on?: string | null;
  readonly links?: { readonly html?: CloudLinkJson };
}

export interface CloudIssueCommentJson {
  readonly id: number;
  readonly content?: CloudRenderedJson | null;
  readonly user?: CloudAccountJson | null;
  readonly created_on?: string;
}
