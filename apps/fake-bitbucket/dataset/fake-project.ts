export interface FakeProject {
  readonly id: number;
  readonly uuid: string;
  /** Unique across the whole fake, so Data Center can address it alone. */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly workspaceSlug: string;
  readonly isPrivate: boolean;
  readonly createdAt: Date;
}
