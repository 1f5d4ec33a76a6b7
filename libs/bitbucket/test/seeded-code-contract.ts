import type { BitbucketClient } from '../src/bitbucket-client.port';
import { BitbucketErrorCode } from '../src/bitbucket-error-code.enum';
import type { BbComparison } from '../src/model/bb-comparison';
import type { BbCommit } from '../src/model/bb-commit';
import type { BbDirectoryEntry } from '../src/model/bb-directory-entry';
import type { BbRef } from '../src/model/bb-ref';
import type { BbRepositoryRef } from '../src/model/bb-repository-ref';
import { gatewayFailure } from './gateway-failure';
import { walkPages } from './walk-pages';

type Refs = Pick<BitbucketClient, 'createBranch' | 'deleteBranch' | 'listBranches'>;
type Commits = Pick<BitbucketClient, 'listCommits' | 'getCommit' | 'compareRefs'>;
type Files = Pick<BitbucketClient, 'getFileContent' | 'listDirectory'>;

/**
 * What the code areas of either flavor answer on the fake's seeded repositories, which hold the same
 * history on Cloud and Data Center (apps/fake-bitbucket/seed): the port's contract, asserted once.
 * Each check returns what it read, for the flavor's own further assertions.
 */
export const seededCodeContract = {
  /** release/1.0 from main: created at `head`, listed, deleted, gone. */
  async createsAndDeletesABranch(refs: Refs, repo: BbRepositoryRef, head: string): Promise<BbRef> {
    const created = await refs.createBranch(repo, { name: 'release/1.0', startPoint: 'main' });
    expect(created).toMatchObject({ name: 'release/1.0', type: 'branch', commit: head });
    expect((await refs.listBranches(repo, { filter: 'release/1.0' })).items.map((b) => b.name)).toEqual([
      'release/1.0',
    ]);
    await refs.deleteBranch(repo, { name: 'release/1.0' });
    expect((await refs.listBranches(repo, { filter: 'release/1.0' })).items).toEqual([]);
    return created;
  },

  /** All 250 release-notes commits on main, 30 a page, each exactly once, newest first. */
  async walksReleaseNotes(commits: Commits, releaseNotes: BbRepositoryRef): Promise<BbCommit[]> {
    const { items, pages } = await walkPages(async (o) => commits.listCommits(releaseNotes, { ref: 'main' }, o), 30);
    expect(pages).toBe(9);
    expect(items).toHaveLength(250);
    expect(new Set(items.map((c) => c.hash)).size).toBe(250);
    expect(items[0]).toMatchObject({ message: 'Release note 250', authorName: 'Acme CI' });
    expect(items.at(-1)?.message).toBe('Release note 1');
    return items;
  },

  /** Author and date filters, applied on the client while paging the release-notes commits of `scope`. */
  async filtersCommitsOnTheClient(
    commits: Commits,
    releaseNotes: BbRepositoryRef,
    scope: { ref?: string },
  ): Promise<void> {
    const byBot = await walkPages(
      async (o) => commits.listCommits(releaseNotes, { ...scope, author: 'ci-bot' }, o),
      20,
    );
    expect(byBot.items).toHaveLength(50);
    expect(byBot.items.every((c) => c.author?.name === 'ci-bot')).toBe(true);
    expect(new Set(byBot.items.map((c) => c.message)).size).toBe(50);

    const all = (await walkPages(async (o) => commits.listCommits(releaseNotes, scope, o), 100)).items;
    const window = all.slice(40, 52);
    const dated = await walkPages(
      async (o) =>
        commits.listCommits(
          releaseNotes,
          { ...scope, since: window.at(-1)?.date ?? '', until: window[0]?.date ?? '' },
          o,
        ),
      5,
    );
    expect(dated.items.map((c) => c.hash)).toEqual(window.map((c) => c.hash));
    expect((await gatewayFailure(commits.listCommits(releaseNotes, { since: 'yesterday' }))).code).toBe(
      BitbucketErrorCode.VALIDATION,
    );
  },

  /** The commits of main touching bitbucket-pipelines.yml, and the newest of them read by hash. */
  async narrowsToAPathAndReadsOne(commits: Commits, repo: BbRepositoryRef): Promise<void> {
    const touching = (await commits.listCommits(repo, { ref: 'main', path: 'bitbucket-pipelines.yml' })).items;
    expect(touching.map((c) => c.message)).toEqual([
      'Build step in pipelines',
      'Add Bitbucket Pipelines configuration',
    ]);
    const [newest] = touching;
    expect(await commits.getCommit(repo, { hash: newest?.hash ?? '' })).toEqual(newest);
    expect(newest?.parents).toHaveLength(1);
  },

  /** feature/refunds against main: three commits ahead, two behind, two files, and their merge base. */
  async comparesAFeatureBranchWithMain(commits: Commits, repo: BbRepositoryRef): Promise<BbComparison> {
    const comparison = await commits.compareRefs(repo, { from: 'feature/refunds', to: 'main' });
    expect(comparison.ahead.map((c) => c.message)).toEqual([
      'Document refunds',
      'Refuse refunds above the captured amount',
      'Add refund service',
    ]);
    expect(comparison).toMatchObject({ from: 'feature/refunds', to: 'main', aheadTotal: 3, behindTotal: 2 });
    expect(comparison.mergeBase).toBe(comparison.ahead.at(-1)?.parents[0]);
    expect(comparison.files.map((f) => [f.path, f.status]).sort()).toEqual([
      ['docs/api.md', 'modified'],
      ['src/refunds/refund.service.ts', 'added'],
    ]);
    return comparison;
  },

  /** The README (named `readmePath`) and the logo on the default branch, a file on a branch with a slash, and no directory. */
  async readsTextAndBinaryFiles(files: Files, repo: BbRepositoryRef, readmePath: string): Promise<void> {
    const readme = await files.getFileContent(repo, { path: readmePath });
    expect(readme).toMatchObject({ path: 'README.md', ref: 'main', binary: false });
    expect(readme.content.toString('utf8')).toMatch(/^# payments-api\n/);
    expect(readme.size).toBe(readme.content.length);

    const logo = await files.getFileContent(repo, { path: 'assets/logo.png' });
    expect(logo.binary).toBe(true);
    expect(logo.content.subarray(1, 4).toString('latin1')).toBe('PNG');

    const refund = await files.getFileContent(repo, {
      path: 'src/refunds/refund.service.ts',
      ref: 'feature/refunds',
    });
    expect(refund.ref).toBe('feature/refunds');
    expect(refund.content.toString('utf8')).toContain('refunds cannot exceed the captured amount');

    expect((await gatewayFailure(files.getFileContent(repo, { path: 'src' }))).code).toBe(
      BitbucketErrorCode.VALIDATION,
    );
  },

  /** The repository root across pages of 4, and src at feature/refunds, which has src/refunds. */
  async listsDirectoriesAtARef(files: Files, repo: BbRepositoryRef): Promise<BbDirectoryEntry[]> {
    const { items, pages } = await walkPages(async (o) => files.listDirectory(repo, {}, o), 4);
    expect(pages).toBeGreaterThan(1);
    expect(items).toEqual(
      expect.arrayContaining([
        { path: 'src', type: 'directory' },
        { path: 'README.md', type: 'file', size: expect.any(Number) as number },
      ]),
    );
    const src = (await files.listDirectory(repo, { path: 'src', ref: 'feature/refunds' })).items;
    expect(src).toContainEqual({ path: 'src/refunds', type: 'directory' });
    return items;
  },
};
