export interface BbProject {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly isPrivate: boolean;
  /** Cloud workspace holding the project. */
  readonly workspace?: string;
  readonly url?: string;
}
