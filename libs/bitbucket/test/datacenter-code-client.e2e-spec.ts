import { FakeBitbucketProcess } from '@app/testing';
import { BitbucketErrorCode } from '../src/bitbucket-error-code.enum';
import { DatacenterApi } from '../src/datacenter/datacenter-api';
import { DatacenterCommitsApi } from '../src/datacenter/datacenter-commits.api';
import { DatacenterFilesApi } from '../src/datacenter/datacenter-files.api';
import { DatacenterPullRequestChangesApi } from '../src/datacenter/datacenter-pull-request-changes.api';
import { DatacenterRefsApi } from '../src/datacenter/datacenter-refs.api';
import type { BbCommit } from '../src/model/bb-commit';
import type { BitbucketUpstream } from '../src/upstream/bitbucket-upstream';
import { fakeUpstream } from './fake-upstream';
import { walkPages } from './walk-pages';
import { gatewayFailure } from './gateway-failure';
import { seededCodeContract } from './seeded-code-contract';
import { testPageCursors } from './test-page-cursors';

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
    const found = (await walkPages(async (o) => commits.listCommits(payments, { ref }, o), 100)).items.find(
      (c) => c.message === message,
    );
    if (found === undefined) throw new Error(`no commit "${message}" on ${ref}`);
    return found;
  };

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
    upstream = fakeUpstream(fake, 'datacenter');
    const api = new DatacenterApi(upstream, testPageCursors());
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
      const { items, pages } = await walkPages(async (o) => refs.listBranches(payments, {}, o), 3);
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
      const head = await mainHead();
      const created = await seededCodeContract.createsAndDeletesABranch(refs, payments, head);
      expect(created).toEqual({ name: 'release/1.0', type: 'branch', commit: head, isDefault: false });
      expect((await gatewayFailure(refs.deleteBranch(payments, { name: 'main' }))).code).toBe(
        BitbucketErrorCode.VALIDATION,
      );
      expect((await gatewayFailure(refs.createBranch(payments, { name: 'x', startPoint: 'nope' }))).code).toBe(
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
      const items = await seededCodeContract.walksReleaseNotes(commits, releaseNotes);
      expect(items[0]).toMatchObject({
        authorEmail: 'ci-bot@acme.example',
        author: { id: 'ci-bot', name: 'ci-bot', displayName: 'Acme CI' },
      });
      expect(items[0]?.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('filters by author and by date on the client while paging', async () => {
      await seededCodeContract.filtersCommitsOnTheClient(commits, releaseNotes, {});
    });

    it('narrows to a path, reads one commit, and maps an unknown one to NOT_FOUND', async () => {
      await seededCodeContract.narrowsToAPathAndReadsOne(commits, payments);
      expect((await gatewayFailure(commits.getCommit(payments, { hash: '0123456789abcdef' }))).code).toBe(
        BitbucketErrorCode.NOT_FOUND,
      );
      expect((await gatewayFailure(commits.listCommits(unknownRepo, {}))).code).toBe(BitbucketErrorCode.NOT_FOUND);
    });

    it('compares a feature branch with main: ahead, behind, files and merge base', async () => {
      const comparison = await seededCodeContract.comparesAFeatureBranchWithMain(commits, payments);
      const reverse = await commits.compareRefs(payments, { from: 'main', to: 'feature/refunds' });
      expect(reverse).toMatchObject({ aheadTotal: 2, behindTotal: 3, mergeBase: comparison.mergeBase });
      expect((await gatewayFailure(commits.compareRefs(payments, { from: 'nope', to: 'main' }))).code).toBe(
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
      await seededCodeContract.readsTextAndBinaryFiles(files, payments, '/README.md');
      expect(
        (await gatewayFailure(files.getFileContent(payments, { path: 'src/refunds/refund.service.ts' }))).code,
      ).toBe(BitbucketErrorCode.NOT_FOUND);
    });

    it('lists directories across pages, at a ref, with paths from the repository root', async () => {
      const items = await seededCodeContract.listsDirectoriesAtARef(files, payments);
      expect(new Set(items.map((e) => e.path)).size).toBe(items.length);
      expect((await files.listDirectory(payments, { path: 'src' })).items).not.toContainEqual(
        expect.objectContaining({ path: 'src/refunds' }),
      );
      expect((await gatewayFailure(files.listDirectory(payments, { path: 'README.md' }))).code).toBe(
        BitbucketErrorCode.VALIDATION,
      );
    });

    it('searches code across projects or in one, page by page, with plain-text matching lines', async () => {
      const { items, pages } = await walkPages(async (o) => files.searchCode({ query: 'payment' }, o), 2);
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
      const web = (await walkPages(async (o) => files.searchCode({ workspace: 'WEB', query: 'payment' }, o), 10)).items;
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
      const { items: files3, pages } = await walkPages(
        async (o) => changes.getPullRequestDiffstat(payments, { id: 3 }, o),
        1,
      );
      expect(pages).toBe(2);
      expect(files3.map((f) => [f.path, f.status]).sort()).toEqual([
        ['docs/api.md', 'modified'],
        ['src/refunds/refund.service.ts', 'added'],
      ]);
      const listed = await walkPages(async (o) => changes.listPullRequestCommits(payments, { id: 3 }, o), 2);
      expect(listed.items.map((c) => c.message)).toEqual([
        'Document refunds',
        'Refuse refunds above the captured amount',
        'Add refund service',
      ]);
      expect(listed.items.every((c) => c.author?.name === 'carol')).toBe(true);
    });

    it('maps an unknown pull request to NOT_FOUND', async () => {
      for (const call of [
        async () => changes.getPullRequestDiff(payments, { id: 999 }),
        async () => changes.getPullRequestDiff(payments, { id: 999, paths: ['docs/api.md'] }),
        async () => changes.getPullRequestDiffstat(payments, { id: 999 }),
        async () => changes.listPullRequestCommits(payments, { id: 999 }),
      ]) {
        expect((await gatewayFailure(call())).code).toBe(BitbucketErrorCode.NOT_FOUND);
      }
    });
  });

  it('refuses a cursor of another listing', async () => {
    const page = await refs.listBranches(payments, {}, { limit: 1 });
    const error = await gatewayFailure(refs.listTags(payments, {}, { cursor: page.cursor ?? '' }));
    expect(error.code).toBe('ARGUMENT_FOREIGN_CURSOR');
  });
});
