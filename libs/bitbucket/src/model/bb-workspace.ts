export interface BbWorkspace {
  readonly slug: string;
  readonly name: string;
  readonly isAdmin?: boolean;
}
