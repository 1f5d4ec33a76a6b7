/**
 * Names a repository in either flavor: `workspace` is the Cloud workspace slug or the Data Center
 * project key; `repo` is the repository slug.
 */
export interface BbRepositoryRef {
  readonly workspace: string;
  readonly repo: string;
}
