/** A branch or a tag. */
export interface BbRef {
  readonly name: string;
  readonly type: 'branch' | 'tag';
  readonly commit: string;
  readonly isDefault?: boolean;
  /** Annotated tags. */
  readonly message?: string;
  readonly date?: string;
}
