import { createHash } from 'node:crypto';
import type { FileChange } from './file-change';
import { FileBlob } from './file-blob';
import type { GitCommit } from './git-commit';
import type { GitPerson } from './git-person';
import type { GitTag } from './git-tag';

export interface CommitInput {
  readonly branch: string;
  readonly author: GitPerson;
  readonly date: Date;
  readonly message: string;
  /** path → new content (string for text, Buffer for binary, null to delete). */
  readonly write?: Readonly<Record<string, string | Buffer | null>>;
  /** [from, to] renames applied before `write`. */
  readonly rename?: readonly (readonly [string, string])[];
  /** Extra parents (a merge commit); the first parent is always the branch head. */
  readonly mergeParents?: readonly string[];
  /** Start the branch from this commit when it does not exist yet. */
  readonly from?: string;
}

function hashOf(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function blobOf(content: string | Buffer): FileBlob {
  return typeof content === 'string' ? FileBlob.text(content) : FileBlob.binary(content);
}

/** Differences between two trees, paths sorted; no rename detection (git's default for two trees). */
export function diffTrees(
  before: ReadonlyMap<string, FileBlob> | undefined,
  after: ReadonlyMap<string, FileBlob>,
): FileChange[] {
  const paths = new Set([...(before?.keys() ?? []), ...after.keys()]);
  const changes: FileChange[] = [];
  for (const path of [...paths].sort()) {
    const old = before?.get(path);
    const next = after.get(path);
    if (old === undefined && next !== undefined) changes.push({ status: 'added', newPath: path, after: next });
    else if (old !== undefined && next === undefined) changes.push({ status: 'removed', oldPath: path, before: old });
    else if (old !== undefined && next !== undefined && old.id !== next.id) {
      changes.push({ status: 'modified', oldPath: path, newPath: path, before: old, after: next });
    }
  }
  return changes;
}

/** An in-memory git repository: commits with full trees, branches and tags. */
export class GitRepository {
  readonly commits = new Map<string, GitCommit>();
  readonly branches = new Map<string, string>();
  readonly tags = new Map<string, GitTag>();

  constructor(public defaultBranch: string) {}

  commit(input: CommitInput): GitCommit {
    const head = this.branches.get(input.branch) ?? (input.from === undefined ? undefined : this.resolve(input.from));
    const parentCommit = head === undefined ? undefined : this.commits.get(head);
    const tree = new Map(parentCommit?.tree ?? []);
    const renamed: FileChange[] = [];
    for (const [from, to] of input.rename ?? []) {
      const blob = tree.get(from);
      if (blob === undefined) throw new Error(`cannot rename missing ${from}`);
      tree.delete(from);
      tree.set(to, blob);
      renamed.push({ status: 'renamed', oldPath: from, newPath: to, before: blob, after: blob });
    }
    for (const [path, content] of Object.entries(input.write ?? {})) {
      if (content === null) tree.delete(path);
      else tree.set(path, blobOf(content));
    }
    const renamedTargets = new Set(renamed.map((change) => change.newPath));
    const renamedSources = new Set(renamed.map((change) => change.oldPath));
    const changes = [
      ...renamed.map((change) => {
        const now = change.newPath === undefined ? undefined : tree.get(change.newPath);
        return now === undefined || now.id === change.after?.id ? change : { ...change, after: now };
      }),
      ...diffTrees(parentCommit?.tree, tree).filter(
        (change) =>
          !(change.status === 'added' && renamedTargets.has(change.newPath)) &&
          !(change.status === 'removed' && renamedSources.has(change.oldPath)),
      ),
    ];
    const parents = [...(head === undefined ? [] : [head]), ...(input.mergeParents ?? [])];
    const treeId = hashOf([...tree.entries()].map(([path, blob]) => `${path}:${blob.id}`).join('\n'));
    const stamp = `${input.author.name} <${input.author.email}> ${Math.floor(input.date.getTime() / 1000)} +0000`;
    const hash = hashOf(
      `tree ${treeId}\n${parents.map((p) => `parent ${p}\n`).join('')}author ${stamp}\ncommitter ${stamp}\n\n${input.message}`,
    );
    const commit: GitCommit = {
      hash,
      parents,
      author: input.author,
      authoredAt: input.date,
      committer: input.author,
      committedAt: input.date,
      message: input.message,
      tree,
      changes,
    };
    this.commits.set(hash, commit);
    this.branches.set(input.branch, hash);
    return commit;
  }

  /** A branch or tag name (optionally `refs/heads/…`, `refs/tags/…`), a full hash or a unique prefix of 4+ hex. */
  resolve(rev: string): string | undefined {
    const name = rev.replace(/^refs\/(heads|tags)\//, '');
    const branch = this.branches.get(name);
    if (branch !== undefined && !rev.startsWith('refs/tags/')) return branch;
    const tag = this.tags.get(name);
    if (tag !== undefined) return tag.target;
    if (!/^[0-9a-f]{4,40}$/.test(rev)) return undefined;
    if (this.commits.has(rev)) return rev;
    const matches = [...this.commits.keys()].filter((hash) => hash.startsWith(rev));
    return matches.length === 1 ? matches[0] : undefined;
  }

  get(hash: string): GitCommit {
    const commit = this.commits.get(hash);
    if (commit === undefined) throw new Error(`unknown commit ${hash}`);
    return commit;
  }

  ancestors(hash: string): Set<string> {
    const seen = new Set<string>();
    const stack = [hash];
    while (stack.length > 0) {
      const next = stack.pop();
      if (next === undefined || seen.has(next)) continue;
      seen.add(next);
      stack.push(...this.get(next).parents);
    }
    return seen;
  }

  /** Commits reachable from `include` but not from `exclude`, newest first; `path` keeps those touching it. */
  history(include: readonly string[], exclude: readonly string[] = [], path?: string): GitCommit[] {
    const excluded = new Set<string>();
    for (const hash of exclude) for (const ancestor of this.ancestors(hash)) excluded.add(ancestor);
    const reachable = new Set<string>();
    for (const hash of include)
      for (const ancestor of this.ancestors(hash)) if (!excluded.has(ancestor)) reachable.add(ancestor);
    const commits = [...reachable].map((hash) => this.get(hash));
    commits.sort((a, b) => b.committedAt.getTime() - a.committedAt.getTime() || a.hash.localeCompare(b.hash));
    if (path === undefined || path === '') return commits;
    const prefix = path.replace(/\/+$/, '');
    return commits.filter((commit) =>
      commit.changes.some((change) =>
        [change.oldPath, change.newPath].some((p) => p !== undefined && (p === prefix || p.startsWith(`${prefix}/`))),
      ),
    );
  }

  isAncestor(ancestor: string, of: string): boolean {
    return this.ancestors(of).has(ancestor);
  }

  /** The newest common ancestor of two commits. */
  mergeBase(a: string, b: string): string | undefined {
    const ofA = this.ancestors(a);
    return this.history([b]).find((commit) => ofA.has(commit.hash))?.hash;
  }

  /** What `to` changed relative to `from` (or everything, when `from` is undefined). */
  changesBetween(from: string | undefined, to: string): FileChange[] {
    return diffTrees(from === undefined ? undefined : this.get(from).tree, this.get(to).tree);
  }

  /** Changes a commit introduced against its first parent. */
  changesOf(hash: string): readonly FileChange[] {
    return this.get(hash).changes;
  }
}
