/** The parts of Bitbucket Data Center REST JSON the gateway reads (docs/bitbucket-api.md#data-center-json). */
export interface DatacenterPageJson<T> {
  readonly values: readonly T[];
  readonly size?: number;
  readonly limit?: number;
  readonly start?: number;
  readonly isLastPage?: boolean;
  readonly nextPageStart?: number;
}

export interface DatacenterLinksJson {
  readonly self?: readonly { readonly href?: string }[];
  readonly clone?: readonly { readonly href?: string; readonly name?: string }[];
}

export interface DatacenterUserJson {
  readonly name?: string;
  readonly slug?: string;
  readonly displayName?: string;
  readonly emailAddress?: string;
  readonly id?: number;
}

export interface DatacenterProjectJson {
  readonly key: string;
  readonly name?: string;
  readonly description?: string;
  readonly public?: boolean;
  readonly links?: DatacenterLinksJson;
}

export interface DatacenterRepositoryJson {
  readonly slug: string;
  readonly name?: string;
  readonly description?: string;
  readonly public?: boolean;
  readonly project?: DatacenterProjectJson;
  readonly links?: DatacenterLinksJson;
}

export interface DatacenterBranchJson {
  readonly displayId?: string;
  readonly latestCommit?: string;
}
