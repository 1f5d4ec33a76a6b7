/** Author or committer of a commit; `userSlug` links it to a Bitbucket user when there is one. */
export interface GitPerson {
  readonly name: string;
  readonly email: string;
  readonly userSlug?: string;
}
