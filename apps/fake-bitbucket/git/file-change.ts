import type { FileBlob } from './file-blob';

export type FileChangeStatus = 'added' | 'modified' | 'removed' | 'renamed';

/** One file's difference between two trees. */
export interface FileChange {
  readonly status: FileChangeStatus;
  /** Path before the change (absent when added). */
  readonly oldPath?: string;
  /** Path after the change (absent when removed). */
  readonly newPath?: string;
  readonly before?: FileBlob;
  readonly after?: FileBlob;
}
