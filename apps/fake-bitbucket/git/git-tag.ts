import type { GitPerson } from './git-person';

export interface GitTag {
  readonly name: string;
  readonly target: string;
  /** Annotated tags carry a message, a tagger and a date; lightweight ones do not. */
  readonly message?: string;
  readonly tagger?: GitPerson;
  readonly date?: Date;
}
