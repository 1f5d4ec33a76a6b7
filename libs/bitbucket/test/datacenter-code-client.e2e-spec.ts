import { FakeBitbucketProcess } from '@app/testing';
import type { PageOptions } from '../src/bitbucket-client.port';
import { BitbucketErrorCode } from '../src/bitbucket-error-code.enum';
import { BitbucketEvents } from '../src/bitbucket-events';
import { BitbucketException } from '../src/bitbucket.exception';
import { bitbucketConfig, type BitbucketConfig } from '../src/bitbucket.config';
import { createBitbucketUpstream } from '../src/bitbucket-upstream.factory';
import { DatacenterApi } from '../src/datacenter/datacenter-api';
import { DatacenterCommitsApi } from '../src/datacenter/datacenter-commits.api';
import { DatacenterFilesApi } from '../src/datacenter/datacenter-files.api';
import { DatacenterPullRequestChangesApi } from '../src/datacenter/datacenter-pull-request-changes.api';
import { DatacenterRefsApi } from '../src/datacenter/datacenter-refs.api';
import type { BbCommit } from '../src/model/bb-commit';
import type { BbPage } from '../src/model/bb-page';
import type { BitbucketUpstream } from '../src/upstream/bitbucket-upstream';

/** The gateway config for `env`, parsed by the real schema. */
function configFor(env: Record<string, string>): BitbucketConfig {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    // registerAs factories are typed as possibly async; ours is synchronous.
    return bitbucketConfig() as BitbucketConfig;
  } finally {
    process.env = saved;
  }
}

/** Every item of a listing, page by page through its cursors. */
async function walk<T>(
  list: (options: PageOptions) => Promise<BbPage<T>>,
  limit: number,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await list({ limit, ...(cursor === undefined ? {} : { cursor }) });
    items.push(...page.items);
    pages += 1;
    cursor = page.cursor;
  } while (cursor !== undefined && pages < 100);
  return { items, pages };
}

async function failure(promise: Promise<unknown>): Promise<BitbucketException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BitbucketException) return error;
    throw error;
  }
  throw new Error('expected a BitbucketException');
}

/** The files a unified diff touches, from its `diff --git` headers. */
const filesOf = (diff: string): string[] => [...diff.matchAll(/^diff --git a\/\S+ b\/(\S+)$/gm)].map((m) => m[1] ?? '');

/** Context lines of a unified diff (a space in front), headers aside. */
const contextLinesOf = (diff: string): string[] => diff.split('\n').filter((line) => line.startsWith(' '));

const payments = { workspace: 'PLAT', repo: 'payments-api' };
const releaseNotes = { workspace: 'PLAT', repo: 'release-notes' };
const unknownRepo = { workspace: 'PLAT', repo: 'nope' };

describe('Data Center refs, commits, files and pull request changes against the fake Bitbucket (real sockets)', () => {
  let fake: FakeBitbucketProcess;
  let upstream: BitbucketUpstream;
  let refs: DatacenterRefsApi;
  let commits: DatacenterCommitsApi;
  let files: DatacenterFilesApi;
  let changes: DatacenterPullRequestChangesApi;

  const mainHead = async (repo = payments): Promise<string> =>
    (await commits.listCommits(repo, { ref: 'main' }, { limit: 1 })).items[0]?.hash ?? '';
  const commitWith = async (message: string, ref = 'main'): Promise<BbCommit> => {
    const found = (await walk((o) => commits.listCommits(payments, { ref }, o), 100)).items.find(
      (c) => c.message === message,
    );
    if (found === undefined) throw new Error(`no commit "${message}" on ${ref}`);
    return found;
  };

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
    upstream = createBitbucketUpstream(
      configFor({
        BITBUCKET_URL: fake.datacenterUrl,
        BITBUCKET_USERNAME: 'alice',
        BITBUCKET_PASSWORD: 'alice-password',
      }),
      new BitbucketEvents(),
    );
    const api = new DatacenterApi(upstream);
    refs = new DatacenterRefsApi(api);
    commits = new DatacenterCommitsApi(api);
    files = new DatacenterFilesApi(api);
    changes = new DatacenterPullRequestChangesApi(api);
  });
  beforeEach(async () => {
    await fake.reset();
  });
  afterAll(async () => {
    upstream.shutdown();
    await fake.stop();
  });

  describe('refs', () => {
    it('lists branches across pages, marks the default one, and filters by name', async () => {
      const { items, pages } = await walk((o) => refs.listBranches(payments, {}, o), 3);
      expect(pages).toBeGreaterThan(1);
      expect(new Set(items.map((b) => b.name)).size).toBe(items.length);
      expect(items.filter((b) => b.isDefault === true)).toEqual([
        { name: 'main', type: 'branch', commit: await mainHead(), isDefault: true },
      ]);
      const features = (await refs.listBranches(payments, { filter: 'FEATURE/' })).items;
      expect(features.map((b) => b.name)).toContain('feature/refunds');
      expect(features.every((b) => b.name.includes('feature/') && b.isDefault === false)).toBe(true);
    });

    it('creates and deletes a branch, and refuses to delete the default one', async () => {
      const created = await refs.createBranch(payments, { name: 'release/1.0', startPoint: 'main' });
      expect(created).toEqual({ name: 'release/1.0', type: 'branch', commit: await mainHead(), isDefault: false });
      expect((await refs.listBranches(payments, { filter: 'release/1.0' })).items.map((b) => b.name)).toEqual([
        'release/1.0',
      ]);
      await refs.deleteBranch(payments, { name: 'release/1.0' });
      expect((await refs.listBranches(payments, { filter: 'release/1.0' })).items).toEqual([]);
      expect((await failure(refs.deleteBranch(payments, { name: 'main' }))).code).toBe(BitbucketErrorCode.VALIDATION);
      expect((await failure(refs.createBranch(payments, { name: 'x', startPoint: 'nope' }))).code).toBe(
        BitbucketErrorCode.NOT_FOUND,
      );
    });

    it('lists tags and creates an annotated one', async () => {
      const tags = (await refs.listTags(payments, {})).items;
      expect(tags.map((t) => t.name).sort()).toEqual(['v0.1.0', 'v0.2.0']);
      expect(tags.every((t) => t.type === 'tag' && /^[0-9a-f]{40}$/.test(t.commit))).toBe(true);
      const head = await mainHead();
      const created = await refs.createTag(payments, { name: 'v0.3.0', target: head, message: 'Refunds' });
      expect(created).toEqual({ name: 'v0.3.0', type: 'tag', commit: head });
      expect((await refs.listTags(payments, { filter: 'v0.3' })).items).toEqual([created]);
    });
  });

  describe('commits and diffs', () => {
    it('walks all 250 release-notes commits, 30 a page, each exactly once', async () => {
      const { items, pages } = await walk((o) => commits.listCommits(releaseNotes, { ref: 'main' }, o), 30);
      expect(pages).toBe(9);
      expect(items).toHaveLength(250);
      expect(new Set(items.map((c) => c.hash)).size).toBe(250);
      expect(items[0]).toMatchObject({
        message: 'Release note 250',
        authorName: 'Acme CI',
        authorEmail: 'ci-bot@acme.example',
        author: { id: 'ci-bot', name: 'ci-bot', displayName: 'Acme CI' },
      });
      expect(items[0]?.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(items.at(-1)?.message).toBe('Release note 1');
    });

    it('filters by author and by date on the client while paging', async () => {
      const byBot = await walk((o) => commits.listCommits(releaseNotes, { author: 'ci-bot' }, o), 20);
      expect(byBot.items).toHaveLength(50);
      expect(byBot.items.every((c) => c.author?.name === 'ci-bot')).toBe(true);
      expect(new Set(byBot.items.map((c) => c.message)).size).toBe(50);

      const all = (await walk((o) => commits.listCommits(releaseNotes, {}, o), 100)).items;
      const window = all.slice(40, 52);
      const dated = await walk(
        (o) => commits.listCommits(releaseNotes, { since: window.at(-1)?.date ?? '', until: window[0]?.date ?? '' }, o),
        5,
      );
      expect(dated.items.map((c) => c.hash)).toEqual(window.map((c) => c.hash));
      expect((await failure(commits.listCommits(releaseNotes, { since: 'yesterday' }))).code).toBe(
        BitbucketErrorCode.VALIDATION,
      );
    });

    it('narrows to a path, reads one commit, and maps an unknown one to NOT_FOUND', async () => {
      const touching = (await commits.listCommits(payments, { ref: 'main', path: 'bitbucket-pipelines.yml' })).items;
      expect(touching.map((c) => c.message)).toEqual([
        'Build step in pipelines',
        'Add Bitbucket Pipelines configuration',
      ]);
      const [newest] = touching;
      expect(await commits.getCommit(payments, { hash: newest?.hash ?? '' })).toEqual(newest);
      expect(newest?.parents).toHaveLength(1);
      expect((await failure(commits.getCommit(payments, { hash: '0123456789abcdef' }))).code).toBe(
        BitbucketErrorCode.NOT_FOUND,
      );
      expect((await failure(commits.listCommits(unknownRepo, {}))).code).toBe(BitbucketErrorCode.NOT_FOUND);
    });

    it('compares a feature branch with main: ahead, behind, files and merge base', async () => {
      const comparison = await commits.compareRefs(payments, { from: 'feature/refunds', to: 'main' });
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
      const reverse = await commits.compareRefs(payments, { from: 'main', to: 'feature/refunds' });
      expect(reverse).toMatchObject({ aheadTotal: 2, behindTotal: 3, mergeBase: comparison.mergeBase });
      expect((await failure(commits.compareRefs(payments, { from: 'nope', to: 'main' }))).code).toBe(
        BitbucketErrorCode.NOT_FOUND,
      );
    });

    it('gives a commit diff with its context and path filters', async () => {
      const { hash } = await commitWith('Initial commit');
      const full = await commits.getCommitDiff(payments, { hash });
      expect(filesOf(full).sort()).toEqual(['.gitignore', 'README.md', 'package.json']);

      const skeleton = await commitWith('Add capture with status check');
      const three = await commits.getCommitDiff(payments, { hash: skeleton.hash, contextLines: 3 });
      const none = await commits.getCommitDiff(payments, { hash: skeleton.hash, contextLines: 0 });
      expect(contextLinesOf(three).length).toBeGreaterThan(0);
      expect(contextLinesOf(none)).toEqual([]);

      const one = await commits.getCommitDiff(payments, { hash, paths: ['README.md'] });
      expect(filesOf(one)).toEqual(['README.md']);
      const two = await commits.getCommitDiff(payments, { hash, paths: ['README.md', 'package.json'] });
      expect(filesOf(two).sort()).toEqual(['README.md', 'package.json']);
      expect(two).toContain(one);

      const inDirectory = await commits.getCommitDiff(payments, {
        hash: (await commitWith('Add payment model and service skeleton')).hash,
        paths: ['src/payments/'],
      });
      expect(filesOf(inDirectory).sort()).toEqual(['src/payments/payment.service.ts', 'src/payments/payment.ts']);
    });

    it('lists the build statuses of a commit, named by id or by branch', async () => {
      const statuses = (await commits.listBuildStatuses(payments, { commit: await mainHead() })).items;
      expect(statuses).toEqual([
        {
          key: 'acme-ci',
          name: expect.stringMatching(/^Acme CI #/) as unknown,
          state: 'SUCCESSFUL',
          url: 'https://ci.acme.example/payments-api/main',
          description: 'All checks passed',
          updatedOn: expect.stringMatching(/Z$/) as unknown,
        },
      ]);
      const running = (await commits.listBuildStatuses(payments, { commit: 'feature/idempotency' })).items;
      expect(running.map((s) => [s.state, s.description])).toEqual([['INPROGRESS', 'Running tests']]);
      expect((await commits.listBuildStatuses(payments, { commit: 'docs/flow' })).items).toEqual([]);
    });
  });

  describe('files', () => {
    it('reads text and binary files on the default branch and on a branch with a slash', async () => {
      const readme = await files.getFileContent(payments, { path: '/README.md' });
      expect(readme).toMatchObject({ path: 'README.md', ref: 'main', binary: false });
      expect(readme.content.toString('utf8')).toMatch(/^# payments-api\n/);
      expect(readme.size).toBe(readme.content.length);

      const logo = await files.getFileContent(payments, { path: 'assets/logo.png' });
      expect(logo.binary).toBe(true);
      expect(logo.content.subarray(1, 4).toString('latin1')).toBe('PNG');

      const refund = await files.getFileContent(payments, {
        path: 'src/refunds/refund.service.ts',
        ref: 'feature/refunds',
      });
      expect(refund.ref).toBe('feature/refunds');
      expect(refund.content.toString('utf8')).toContain('refunds cannot exceed the captured amount');

      expect((await failure(files.getFileContent(payments, { path: 'src' }))).code).toBe(BitbucketErrorCode.VALIDATION);
      expect((await failure(files.getFileContent(payments, { path: 'src/refunds/refund.service.ts' }))).code).toBe(
        BitbucketErrorCode.NOT_FOUND,
      );
    });

    it('lists directories across pages, at a ref, with paths from the repository root', async () => {
      const { items, pages } = await walk((o) => files.listDirectory(payments, {}, o), 4);
      expect(pages).toBeGreaterThan(1);
      expect(new Set(items.map((e) => e.path)).size).toBe(items.length);
      expect(items).toEqual(
        expect.arrayContaining([
          { path: 'src', type: 'directory' },
          { path: 'README.md', type: 'file', size: expect.any(Number) as number },
        ]),
      );
      const src = (await files.listDirectory(payments, { path: 'src', ref: 'feature/refunds' })).items;
      expect(src).toContainEqual({ path: 'src/refunds', type: 'directory' });
      expect((await files.listDirectory(payments, { path: 'src' })).items).not.toContainEqual(
        expect.objectContaining({ path: 'src/refunds' }),
      );
      expect((await failure(files.listDirectory(payments, { path: 'README.md' }))).code).toBe(
        BitbucketErrorCode.VALIDATION,
      );
    });

    it('searches code across projects or in one, page by page, with plain-text matching lines', async () => {
      const { items, pages } = await walk((o) => files.searchCode({ query: 'payment' }, o), 2);
      expect(pages).toBeGreaterThan(2);
      expect(new Set(items.map((h) => `${h.workspace}/${h.repo}/${h.path}`)).size).toBe(items.length);
      expect(new Set(items.map((h) => h.workspace))).toEqual(new Set(['PLAT', 'WEB']));
      const refund = (await files.searchCode({ query: 'refund' })).items;
      const readme = refund.find((h) => h.repo === 'payments-api' && h.path === 'README.md');
      expect(readme).toEqual({
        workspace: 'PLAT',
        repo: 'payments-api',
        path: 'README.md',
        matchCount: 1,
        lines: [
          {
            line: 3,
            text: 'Card and bank-transfer payments for Acme merchants: create, capture, cancel and refund payments.',
          },
        ],
      });
      const web = (await walk((o) => files.searchCode({ workspace: 'WEB', query: 'payment' }, o), 10)).items;
      expect(web.length).toBeGreaterThan(0);
      expect(web).toEqual(items.filter((h) => h.workspace === 'WEB'));
      expect(items.flatMap((h) => h.lines).every((l) => !/<\/?em>|&#x2F;|&lt;|&amp;/.test(l.text))).toBe(true);
    });
  });

  describe('pull request changes', () => {
    it('gives the diff, filtered by path and with context', async () => {
      const diff = await changes.getPullRequestDiff(payments, { id: 3 });
      expect(filesOf(diff).sort()).toEqual(['docs/api.md', 'src/refunds/refund.service.ts']);
      const docs = await changes.getPullRequestDiff(payments, { id: 3, paths: ['docs/api.md'], contextLines: 0 });
      expect(docs).toContain('+POST /payments/{id}/refunds');
      expect(filesOf(docs)).toEqual(['docs/api.md']);
      expect(contextLinesOf(docs)).toEqual([]);
      expect(contextLinesOf(await changes.getPullRequestDiff(payments, { id: 3, paths: ['docs/'] }))).not.toEqual([]);
      const both = await changes.getPullRequestDiff(payments, { id: 3, paths: ['docs', 'src/refunds'] });
      expect(both).toBe(diff);
    });

    it('lists the changed files and the commits across pages', async () => {
      const { items: files3, pages } = await walk((o) => changes.getPullRequestDiffstat(payments, { id: 3 }, o), 1);
      expect(pages).toBe(2);
      expect(files3.map((f) => [f.path, f.status]).sort()).toEqual([
        ['docs/api.md', 'modified'],
        ['src/refunds/refund.service.ts', 'added'],
      ]);
      const listed = await walk((o) => changes.listPullRequestCommits(payments, { id: 3 }, o), 2);
      expect(listed.items.map((c) => c.message)).toEqual([
        'Document refunds',
        'Refuse refunds above the captured amount',
        'Add refund service',
      ]);
      expect(listed.items.every((c) => c.author?.name === 'carol')).toBe(true);
    });

    it('maps an unknown pull request to NOT_FOUND', async () => {
      for (const call of [
        () => changes.getPullRequestDiff(payments, { id: 999 }),
        () => changes.getPullRequestDiff(payments, { id: 999, paths: ['docs/api.md'] }),
        () => changes.getPullRequestDiffstat(payments, { id: 999 }),
        () => changes.listPullRequestCommits(payments, { id: 999 }),
      ]) {
        expect((await failure(call())).code).toBe(BitbucketErrorCode.NOT_FOUND);
      }
    });
  });

  it('refuses a cursor of another listing', async () => {
    const page = await refs.listBranches(payments, {}, { limit: 1 });
    const error = await failure(refs.listTags(payments, {}, { cursor: page.cursor ?? '' }));
    expect(error.code).toBe(BitbucketErrorCode.INVALID_CURSOR);
  });
});
