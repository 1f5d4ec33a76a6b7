/** A Cloud workspace; Data Center has no such level and shows only its projects. */
export interface FakeWorkspace {
  readonly uuid: string;
  readonly slug: string;
  readonly name: string;
  readonly isPrivate: boolean;
  readonly createdAt: Date;
  /** Member slugs; `admins` are also members. */
  readonly members: readonly string[];
  readonly admins: readonly string[];
}
