import { createHash } from 'node:crypto';
import type { FileBlob } from '../git/file-blob';

export type DatacenterNodeType = 'FILE' | 'DIRECTORY';

export interface DatacenterTreeEntry {
  /** Path relative to the directory listed. */
  readonly name: string;
  readonly type: DatacenterNodeType;
  /** The blob for a file, or a tree id computed from what the directory holds. */
  readonly contentId: string;
  readonly blob?: FileBlob;
}

/** The directories of a commit's tree, which the git model keeps implicit (a map of file paths). */
export class DatacenterTree {
  constructor(private readonly files: ReadonlyMap<string, FileBlob>) {}

  file(path: string): FileBlob | undefined {
    return this.files.get(path);
  }

  /** The root is the empty path. */
  isDirectory(path: string): boolean {
    return path === '' || this.under(path).length > 0;
  }

  /** Directories first, then files, each by name, as Data Center lists a directory. */
  children(directory: string): DatacenterTreeEntry[] {
    const prefix = directory === '' ? '' : `${directory}/`;
    const directories = new Set<string>();
    const files: DatacenterTreeEntry[] = [];
    for (const path of this.under(directory)) {
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash >= 0) directories.add(rest.slice(0, slash));
      else {
        const blob = this.files.get(path);
        if (blob !== undefined) files.push({ name: rest, type: 'FILE', contentId: blob.id, blob });
      }
    }
    const subdirectories = [...directories]
      .sort()
      .map((name): DatacenterTreeEntry => ({ name, type: 'DIRECTORY', contentId: this.treeId(`${prefix}${name}`) }));
    return [...subdirectories, ...files.sort((a, b) => (a.name < b.name ? -1 : 1))];
  }

  /** Every file below a directory, recursively, relative to it and sorted. */
  filesUnder(directory: string): string[] {
    const prefix = directory === '' ? '' : `${directory}/`;
    return this.under(directory)
      .map((path) => path.slice(prefix.length))
      .sort();
  }

  private under(directory: string): string[] {
    const prefix = directory === '' ? '' : `${directory}/`;
    return [...this.files.keys()].filter((path) => path.startsWith(prefix));
  }

  private treeId(directory: string): string {
    const hash = createHash('sha1');
    for (const path of this.under(directory).sort()) hash.update(`${path}:${this.files.get(path)?.id ?? ''}\n`);
    return hash.digest('hex');
  }
}
