export interface BbCommit {
  readonly hash: string;
  readonly message: string;
  readonly authorName: string;
  readonly authorEmail?: string;
  /** The Bitbucket user behind the author, when known. */
  readonly author?: BbCommitAuthor;
  readonly date: string;
  readonly parents: readonly string[];
}

export interface BbCommitAuthor {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
}
