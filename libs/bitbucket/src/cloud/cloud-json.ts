/**
 * The parts of Bitbucket Cloud 2.0 JSON the gateway reads (docs/bitbucket-api.md#cloud-json). Everything
 * is optional-minded: the API omits or nulls fields freely.
 */
export interface CloudPageJson<T> {
  readonly values: readonly T[];
  readonly next?: string;
  readonly size?: number;
  readonly page?: number;
  readonly pagelen?: number;
}

export interface CloudLinkJson {
  readonly href?: string;
  readonly name?: string;
}

export interface CloudAccountJson {
  readonly uuid?: string;
  readonly account_id?: string;
  readonly nickname?: string;
  readonly display_name?: string;
  readonly links?: { readonly html?: CloudLinkJson };
}

export interface CloudWorkspaceAccessJson {
  readonly administrator?: boolean;
  readonly workspace?: { readonly slug?: string; readonly name?: string };
}

export interface CloudProjectJson {
  readonly key: string;
  readonly name?: string;
  readonly description?: string;
  readonly is_private?: boolean;
  readonly links?: { readonly html?: CloudLinkJson };
}

export interface CloudMembershipJson {
  readonly user?: CloudAccountJson;
}

export interface CloudRepositoryJson {
  readonly slug?: string;
  readonly name?: string;
  readonly full_name?: string;
  readonly description?: string;
  readonly is_private?: boolean;
  readonly language?: string;
  readonly updated_on?: string;
  readonly mainbranch?: { readonly name?: string } | null;
  readonly project?: { readonly key?: string } | null;
  readonly workspace?: { readonly slug?: string } | null;
  readonly links?: { readonly html?: CloudLinkJson; readonly clone?: readonly CloudLinkJson[] };
}
