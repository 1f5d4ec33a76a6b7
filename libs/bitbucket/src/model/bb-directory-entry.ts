export interface BbDirectoryEntry {
  readonly path: string;
  readonly type: 'file' | 'directory' | 'submodule';
  readonly size?: number;
}
