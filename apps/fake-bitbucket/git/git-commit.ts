import type { FileChange } from './file-change';
import type { FileBlob } from './file-blob';
import type { GitPerson } from './git-person';

export interface GitCommit {
  readonly hash: string;
  readonly parents: readonly string[];
  readonly author: GitPerson;
  readonly authoredAt: Date;
  readonly committer: GitPerson;
  readonly committedAt: Date;
  readonly message: string;
  readonly tree: ReadonlyMap<string, FileBlob>;
  /** Changes against the first parent (every file, for a root commit). */
  readonly changes: readonly FileChange[];
}
