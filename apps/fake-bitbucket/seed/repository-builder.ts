import { GitRepository, type CommitInput } from '../git/git-repository';
import type { GitCommit } from '../git/git-commit';
import type { FakeUser } from '../dataset/fake-user';
import type { SeedClock } from './seed-clock';

/** Writes a repository's seeded history: who committed what, when, on which branch. */
export class RepositoryBuilder {
  readonly git: GitRepository;

  constructor(
    private readonly users: readonly FakeUser[],
    private readonly clock: SeedClock,
    defaultBranch = 'main',
  ) {
    this.git = new GitRepository(defaultBranch);
  }

  commit(
    branch: string,
    authorSlug: string,
    message: string,
    write: CommitInput['write'],
    extra: Partial<Pick<CommitInput, 'rename' | 'mergeParents' | 'from'>> = {},
    hours?: number,
  ): GitCommit {
    const user = this.users.find((u) => u.slug === authorSlug);
    if (user === undefined) throw new Error(`seed: unknown user ${authorSlug}`);
    return this.git.commit({
      branch,
      author: { name: user.displayName, email: user.email, userSlug: user.slug },
      date: this.clock.next(hours),
      message,
      ...(write === undefined ? {} : { write }),
      ...extra,
    });
  }

  /** Starts `branch` at the current head of `from`. */
  branch(branch: string, from: string): void {
    const head = this.git.resolve(from);
    if (head === undefined) throw new Error(`seed: cannot branch from ${from}`);
    this.git.branches.set(branch, head);
  }

  /** A merge commit of `source` into `target`, the tree being the target's with `source`'s files laid over it. */
  merge(target: string, source: string, authorSlug: string, message: string): GitCommit {
    const sourceHead = this.git.resolve(source);
    const targetHead = this.git.resolve(target);
    if (sourceHead === undefined || targetHead === undefined)
      throw new Error(`seed: cannot merge ${source} into ${target}`);
    const base = this.git.mergeBase(sourceHead, targetHead);
    const write: Record<string, string | Buffer | null> = {};
    for (const change of this.git.changesBetween(base, sourceHead)) {
      if (change.newPath !== undefined && change.after !== undefined) {
        write[change.newPath] = change.after.binary ? change.after.content : change.after.text;
      }
      if (change.status === 'removed' && change.oldPath !== undefined) write[change.oldPath] = null;
    }
    return this.commit(target, authorSlug, message, write, { mergeParents: [sourceHead] });
  }

  tag(name: string, rev: string, message?: string, taggerSlug?: string): void {
    const target = this.git.resolve(rev);
    if (target === undefined) throw new Error(`seed: cannot tag ${rev}`);
    const tagger = taggerSlug === undefined ? undefined : this.users.find((u) => u.slug === taggerSlug);
    this.git.tags.set(name, {
      name,
      target,
      ...(message === undefined ? {} : { message, date: this.clock.now() }),
      ...(tagger === undefined
        ? {}
        : { tagger: { name: tagger.displayName, email: tagger.email, userSlug: tagger.slug } }),
    });
  }
}
