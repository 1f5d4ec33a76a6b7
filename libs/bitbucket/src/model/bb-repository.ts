export interface BbRepository {
  readonly workspace: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly isPrivate: boolean;
  readonly defaultBranch?: string;
  readonly projectKey?: string;
  readonly language?: string;
  readonly updatedOn?: string;
  readonly url?: string;
  readonly cloneUrls: Readonly<Record<string, string>>;
}
