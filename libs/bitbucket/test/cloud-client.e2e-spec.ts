import { FakeBitbucketProcess } from '@app/testing';
import { createBitbucketClient } from '../src/bitbucket-client.factory';
import type { BitbucketClient } from '../src/bitbucket-client.port';
import { BitbucketErrorCode } from '../src/bitbucket-error-code.enum';
import type { BbPage } from '../src/model/bb-page';
import type { BbPipeline } from '../src/model/bb-pipeline';
import type { BitbucketUpstream } from '../src/upstream/bitbucket-upstream';
import { fakeUpstream } from './fake-upstream';
import { walkPages } from './walk-pages';
import { gatewayFailure } from './gateway-failure';
import { flattenThreads } from './flatten-threads';
import { seededCodeContract } from './seeded-code-contract';
import { testPageCursors } from './test-page-cursors';

const payments = { workspace: 'acme', repo: 'payments-api' };
const releaseNotes = { workspace: 'acme', repo: 'release-notes' };

describe('The Cloud gateway against the fake Bitbucket Cloud (real sockets)', () => {
  let fake: FakeBitbucketProcess;
  let upstream: BitbucketUpstream;
  let client: BitbucketClient;

  const mainHead = async (repo = payments): Promise<string> =>
    (await client.listCommits(repo, { ref: 'main' }, { limit: 1 })).items[0]?.hash ?? '';

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
    upstream = fakeUpstream(fake, 'cloud');
    client = createBitbucketClient('cloud', upstream, testPageCursors());
  });
  beforeEach(async () => {
    await fake.reset();
  });
  afterAll(async () => {
    upstream.shutdown();
    await fake.stop();
  });

  it('is the Cloud flavor with workspaces, pipelines, issues and the superseded state', () => {
    expect(client.flavor).toBe('cloud');
    for (const feature of ['workspaces', 'pipelines', 'issues', 'superseded-state'] as const)
      expect(client.supports(feature)).toBe(true);
    expect(client.supports('pull-request-dashboard')).toBe(false);
  });

  describe('context and repositories', () => {
    it('reads the current user, workspaces, projects, a project and members', async () => {
      const me = await client.getCurrentUser();
      expect(me).toMatchObject({ name: 'alice', displayName: 'Alice Martin' });
      expect(me.id).toMatch(/^\{.+\}$/);
      expect((await client.listWorkspaces()).items.map((w) => w.slug).sort()).toEqual(['acme', 'acme-labs']);
      expect((await client.listProjects({ workspace: 'acme' })).items.map((p) => p.key).sort()).toEqual([
        'PLAT',
        'WEB',
      ]);
      expect(await client.getProject({ workspace: 'acme', key: 'PLAT' })).toMatchObject({ name: 'Platform' });
      expect((await client.listUsers({ workspace: 'acme', query: 'car' })).items.map((u) => u.name)).toEqual(['carol']);
    });

    it('answers UNSUPPORTED for projects without a workspace', async () => {
      const error = await gatewayFailure(client.listProjects({}));
      expect(error.code).toBe(BitbucketErrorCode.UNSUPPORTED);
      expect(error.params.feature).toEqual(expect.any(String));
    });

    it('walks the repositories of a workspace across pages and reads one', async () => {
      const { items, pages } = await walkPages(async (o) => client.listRepositories({ workspace: 'acme' }, o), 2);
      expect(pages).toBe(3);
      expect(items.map((r) => r.slug).sort()).toEqual([
        'design-system',
        'identity-service',
        'infra-config',
        'payments-api',
        'release-notes',
        'web-portal',
      ]);
      expect(await client.getRepository(payments)).toMatchObject({ slug: 'payments-api', defaultBranch: 'main' });
    });
  });

  describe('refs', () => {
    it('lists branches across pages, marks the default one, and filters by name', async () => {
      const { items, pages } = await walkPages(async (o) => client.listBranches(payments, {}, o), 3);
      expect(pages).toBeGreaterThan(1);
      expect(new Set(items.map((b) => b.name)).size).toBe(items.length);
      expect(items.find((b) => b.name === 'main')).toMatchObject({ type: 'branch', isDefault: true });
      const features = (await client.listBranches(payments, { filter: 'feature/' })).items;
      expect(features.map((b) => b.name)).toContain('feature/refunds');
      expect(features.every((b) => b.name.includes('feature/') && b.isDefault === false)).toBe(true);
    });

    it('creates and deletes a branch', async () => {
      await seededCodeContract.createsAndDeletesABranch(client, payments, await mainHead());
    });

    it('lists annotated tags and creates one', async () => {
      const tags = (await client.listTags(payments, {})).items;
      expect(tags.find((t) => t.name === 'v0.1.0')).toMatchObject({
        type: 'tag',
        message: 'First release: create, capture, cancel',
      });
      const head = await mainHead();
      const created = await client.createTag(payments, { name: 'v0.3.0', target: head, message: 'Refunds' });
      expect(created).toMatchObject({ name: 'v0.3.0', type: 'tag', commit: head });
      expect((await client.listTags(payments, { filter: 'v0.3' })).items).toEqual([
        expect.objectContaining({ name: 'v0.3.0', commit: head, message: 'Refunds' }),
      ]);
    });
  });

  describe('commits and diffs', () => {
    it('walks all 250 release-notes commits, 30 a page, each exactly once', async () => {
      await seededCodeContract.walksReleaseNotes(client, releaseNotes);
    });

    it('filters by author and by date on the client while paging', async () => {
      await seededCodeContract.filtersCommitsOnTheClient(client, releaseNotes, { ref: 'main' });
    });

    it('narrows to a path and reads one commit', async () => {
      await seededCodeContract.narrowsToAPathAndReadsOne(client, payments);
    });

    it('compares a feature branch with main: ahead, behind, files and merge base', async () => {
      await seededCodeContract.comparesAFeatureBranchWithMain(client, payments);
    });

    it('gives a commit diff with its context and path filters, and build statuses', async () => {
      const skeleton = (await walkPages(async (o) => client.listCommits(payments, { ref: 'main' }, o), 100)).items.find(
        (c) => c.message === 'Add payment model and service skeleton',
      );
      const hash = skeleton?.hash ?? '';
      const full = await client.getCommitDiff(payments, { hash });
      expect(full).toContain('diff --git a/src/payments/payment.ts b/src/payments/payment.ts');
      expect(full).toContain('diff --git a/src/payments/payment.service.ts b/src/payments/payment.service.ts');
      const one = await client.getCommitDiff(payments, { hash, paths: ['src/payments/payment.ts'], contextLines: 0 });
      expect(one).toContain('src/payments/payment.ts');
      expect(one).not.toContain('payment.service.ts');

      const statuses = (await client.listBuildStatuses(payments, { commit: await mainHead() })).items;
      expect(statuses).toEqual([
        expect.objectContaining({ key: 'acme-ci', state: 'SUCCESSFUL', description: 'All checks passed' }),
      ]);
    });
  });

  describe('files', () => {
    it('reads text and binary files on the main branch and on a branch with a slash', async () => {
      await seededCodeContract.readsTextAndBinaryFiles(client, payments, 'README.md');
    });

    it('lists directories across pages, at a ref', async () => {
      await seededCodeContract.listsDirectoriesAtARef(client, payments);
    });

    it('searches code in a workspace, with plain-text matching lines', async () => {
      const hits = (await walkPages(async (o) => client.searchCode({ workspace: 'acme', query: 'refund' }, o), 5))
        .items;
      const readme = hits.find((h) => h.repo === 'payments-api' && h.path === 'README.md');
      expect(readme).toMatchObject({ workspace: 'acme', matchCount: 1 });
      expect(readme?.lines).toEqual([
        {
          line: 3,
          text: 'Card and bank-transfer payments for Acme merchants: create, capture, cancel and refund payments.',
        },
      ]);
      expect((await gatewayFailure(client.searchCode({ query: 'refund' }))).code).toBe(BitbucketErrorCode.VALIDATION);
    });
  });

  describe('pull requests', () => {
    const ids = (page: BbPage<{ id: number }>): number[] => page.items.map((pr) => pr.id).sort((a, b) => a - b);

    it('lists by state, author, reviewer and "mine", across pages', async () => {
      expect(ids(await client.listPullRequests(payments, {}))).toEqual([3, 4, 5, 8]);
      expect(ids(await client.listPullRequests(payments, { states: ['MERGED'] }))).toEqual([1, 7]);
      const every = await walkPages(
        async (o) => client.listPullRequests(payments, { states: ['OPEN', 'MERGED', 'DECLINED', 'SUPERSEDED'] }, o),
        3,
      );
      expect(every.items.map((pr) => pr.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(every.items.find((pr) => pr.id === 6)?.state).toBe('SUPERSEDED');
      expect(ids(await client.listPullRequests(payments, { author: 'carol' }))).toEqual([3]);
      expect(ids(await client.listPullRequests(payments, { reviewer: 'erin' }))).toEqual([4]);
      const pr3 = await client.getPullRequest(payments, { id: 3 });
      const bob = pr3.reviewers.find((r) => r.user.name === 'bob')?.user;
      expect(ids(await client.listPullRequests(payments, { reviewer: bob?.id ?? '' }))).toEqual([3, 5]);
      expect(ids(await client.listPullRequests(payments, { reviewer: bob?.accountId ?? '' }))).toEqual([3, 5]);
      expect(ids(await client.listPullRequests(payments, { mine: 'authored' }))).toEqual([5]);
      expect(ids(await client.listPullRequests(payments, { mine: 'reviewing' }))).toEqual([3, 4]);
      const listed = (await client.listPullRequests(payments, { author: 'carol' })).items[0];
      expect(listed?.reviewers).toEqual(pr3.reviewers);
      expect((await gatewayFailure(client.listPullRequests(payments, { author: 'nobody' }))).code).toBe(
        BitbucketErrorCode.NOT_FOUND,
      );
    });

    it('reads a pull request with its reviews and counts', async () => {
      const pr = await client.getPullRequest(payments, { id: 3 });
      expect(pr).toMatchObject({
        id: 3,
        title: 'Add refund endpoint',
        state: 'OPEN',
        draft: false,
        sourceBranch: 'feature/refunds',
        destinationBranch: 'main',
        commentCount: 5,
        openTaskCount: 1,
      });
      expect(pr.author.name).toBe('carol');
      expect(pr.reviewers.map((r) => [r.user.name, r.role, r.status])).toEqual([
        ['alice', 'reviewer', 'approved'],
        ['bob', 'reviewer', 'none'],
      ]);
    });

    it('creates a pull request with reviewers named by nickname and uuid, then updates only what changed', async () => {
      await client.createBranch(payments, { name: 'feature/e2e', startPoint: 'feature/refunds' });
      const pr3 = await client.getPullRequest(payments, { id: 3 });
      const carolId = pr3.author.id;
      const created = await client.createPullRequest(payments, {
        title: 'E2E pull request',
        description: 'Opened by the gateway suite.',
        sourceBranch: 'feature/e2e',
        reviewers: ['bob', carolId],
        draft: true,
      });
      expect(created).toMatchObject({
        title: 'E2E pull request',
        state: 'OPEN',
        draft: true,
        destinationBranch: 'main',
      });
      expect(created.reviewers.map((r) => r.user.name).sort()).toEqual(['bob', 'carol']);

      const updated = await client.updatePullRequest(payments, {
        id: created.id,
        title: 'E2E pull request, updated',
        reviewers: ['dave'],
        draft: false,
      });
      expect(updated.reviewers.map((r) => r.user.name)).toEqual(['dave']);
      const retitled = await client.updatePullRequest(payments, { id: created.id, title: 'E2E pull request, renamed' });
      expect(retitled.reviewers.map((r) => r.user.name)).toEqual(['dave']);
      expect(await client.getPullRequest(payments, { id: created.id })).toMatchObject({
        title: 'E2E pull request, renamed',
        description: 'Opened by the gateway suite.',
        draft: false,
      });
    });

    it('gives the diff (filtered by path, with context), diffstat, commits and activity', async () => {
      const diff = await client.getPullRequestDiff(payments, { id: 3 });
      expect(diff).toContain('diff --git a/src/refunds/refund.service.ts b/src/refunds/refund.service.ts');
      expect(diff).toContain('diff --git a/docs/api.md b/docs/api.md');
      const docs = await client.getPullRequestDiff(payments, { id: 3, paths: ['docs/api.md'], contextLines: 0 });
      expect(docs).toContain('+POST /payments/{id}/refunds');
      expect(docs).not.toContain('refund.service.ts');
      expect(docs.split('\n').filter((line) => line.startsWith(' '))).toEqual([]);

      const files = (await client.getPullRequestDiffstat(payments, { id: 3 })).items;
      expect(files.map((f) => f.path).sort()).toEqual(['docs/api.md', 'src/refunds/refund.service.ts']);
      expect(files.find((f) => f.path === 'docs/api.md')).toMatchObject({ status: 'modified', linesAdded: 4 });

      const commits = (await client.listPullRequestCommits(payments, { id: 3 })).items;
      expect(commits.map((c) => c.message)).toEqual([
        'Document refunds',
        'Refuse refunds above the captured amount',
        'Add refund service',
      ]);

      const activity = (await walkPages(async (o) => client.listPullRequestActivity(payments, { id: 3 }, o), 3)).items;
      expect(activity.map((a) => a.type)).toEqual([
        'commented',
        'commented',
        'commented',
        'commented',
        'commented',
        'approved',
        'opened',
      ]);
      expect(activity.at(-1)?.user.name).toBe('carol');
      expect(activity[0]).toMatchObject({ user: { name: 'carol' }, commentId: expect.any(Number) as number });
    });

    it('approves, withdraws the approval and requests changes', async () => {
      const status = async (): Promise<string | undefined> =>
        (await client.getPullRequest(payments, { id: 8 })).reviewers.find((r) => r.user.name === 'alice')?.status;
      await client.approvePullRequest(payments, { id: 8 });
      expect(await status()).toBe('approved');
      await client.unapprovePullRequest(payments, { id: 8 });
      expect(await status()).toBe('none');
      await client.requestChanges(payments, { id: 8 });
      expect(await status()).toBe('changes_requested');
    });

    it('merges with a merge commit that lands on main', async () => {
      const merged = await client.mergePullRequest(payments, {
        id: 3,
        strategy: 'merge_commit',
        message: 'Merged refunds',
        closeSourceBranch: false,
      });
      expect(merged).toMatchObject({ id: 3, state: 'MERGED', closedBy: { name: 'alice' } });
      const head = (await client.listCommits(payments, { ref: 'main' }, { limit: 1 })).items[0];
      expect(head?.hash.startsWith(merged.mergeCommit ?? '-')).toBe(true);
      expect(head?.message).toContain('Merged refunds');
      expect(head?.parents).toHaveLength(2);
    });

    it('follows a merge Bitbucket runs as a task (202 and task-status polling)', async () => {
      await fake.settings({ asyncMerges: true });
      const merged = await client.mergePullRequest(payments, { id: 8, strategy: 'squash' });
      expect(merged).toMatchObject({ id: 8, state: 'MERGED' });
      expect(merged.mergeCommit).toEqual(expect.any(String));
      const polls = await fake.requests({ path: 'task-status' });
      expect(polls.length).toBeGreaterThanOrEqual(2);
    });

    it('declines with the reason posted as a comment', async () => {
      const declined = await client.declinePullRequest(payments, { id: 5, reason: 'Superseded by the vault work.' });
      expect(declined.state).toBe('DECLINED');
      const texts = flattenThreads((await client.listComments(payments, { id: 5 })).items).map((c) => c.text);
      expect(texts).toContain('Superseded by the vault work.');
    });
  });

  describe('comments and tasks', () => {
    it('lists threads with nested replies and inline anchors', async () => {
      const threads = (await client.listComments(payments, { id: 3 }, { limit: 50 })).items;
      expect(threads).toHaveLength(2);
      const [general, inline] = threads;
      expect(general).toMatchObject({ author: { name: 'alice' }, replies: [{ author: { name: 'carol' } }] });
      expect(general?.replies[0]?.replies.map((r) => r.text)).toEqual([
        'Approved. Please add the partial-refund tests before merging.',
      ]);
      expect(inline?.inline).toEqual({ path: 'src/refunds/refund.service.ts', line: 14, side: 'new' });
      expect(inline?.replies.map((r) => r.author.name)).toEqual(['carol']);
      expect(general?.inline).toBeUndefined();

      const paged = await walkPages(async (o) => client.listComments(payments, { id: 3 }, o), 2);
      expect(paged.pages).toBe(3);
      const seen = paged.items.flatMap((thread) => flattenThreads([thread]).map((c) => c.id));
      expect(seen.sort()).toEqual(
        flattenThreads(threads)
          .map((c) => c.id)
          .sort(),
      );
    });

    it('adds general, inline (both sides) and reply comments, edits, deletes, resolves and reopens', async () => {
      const general = await client.addComment(payments, { id: 4, text: 'General remark' });
      const added = await client.addComment(payments, {
        id: 4,
        text: 'On the new line',
        inline: { path: 'src/webhooks/webhook.handler.ts', line: 12, side: 'new' },
      });
      const old = await client.addComment(payments, {
        id: 4,
        text: 'On the old line',
        inline: { path: 'src/webhooks/webhook.handler.ts', line: 11, side: 'old' },
      });
      const reply = await client.addComment(payments, { id: 4, text: 'A reply', parentId: added.id });
      expect(reply.parentId).toBe(added.id);
      await client.updateComment(payments, { id: 4, commentId: general.id, text: 'General remark, edited' });
      await client.deleteComment(payments, { id: 4, commentId: old.id });
      await client.resolveCommentThread(payments, { id: 4, commentId: added.id, resolved: true });

      const threads = (await client.listComments(payments, { id: 4 }, { limit: 100 })).items;
      const byId = new Map(flattenThreads(threads).map((c) => [c.id, c]));
      expect(byId.get(general.id)?.text).toBe('General remark, edited');
      expect(threads.find((t) => t.id === added.id)).toMatchObject({
        inline: { path: 'src/webhooks/webhook.handler.ts', line: 12, side: 'new' },
        resolved: true,
        replies: [{ id: reply.id, text: 'A reply' }],
      });
      expect(old.inline).toEqual({ path: 'src/webhooks/webhook.handler.ts', line: 11, side: 'old' });
      // Cloud keeps a deleted comment in its thread, without its text.
      expect(byId.get(old.id)).toMatchObject({ deleted: true, text: '' });

      await client.resolveCommentThread(payments, { id: 4, commentId: added.id, resolved: false });
      const reopened = (await client.listComments(payments, { id: 4 }, { limit: 100 })).items;
      expect(reopened.find((t) => t.id === added.id)?.resolved).toBe(false);
    });

    it('lists, creates, updates and deletes tasks', async () => {
      const tasks = (await client.listTasks(payments, { id: 3 })).items;
      expect(tasks.map((t) => [t.text, t.state])).toEqual([
        ['Add tests for partial refunds', 'OPEN'],
        ['Document refunds in docs/api.md', 'RESOLVED'],
      ]);
      const anchorId = (await client.listComments(payments, { id: 3 })).items[0]?.id ?? 0;
      const task = await client.createTask(payments, { id: 3, text: 'Check the rounding', commentId: anchorId });
      expect(task).toMatchObject({ text: 'Check the rounding', state: 'OPEN', commentId: anchorId });
      const done = await client.updateTask(payments, {
        id: 3,
        taskId: task.id,
        text: 'Check rounding',
        state: 'RESOLVED',
      });
      expect(done).toMatchObject({ text: 'Check rounding', state: 'RESOLVED' });
      expect((await client.listTasks(payments, { id: 3 })).items.find((t) => t.id === task.id)?.state).toBe('RESOLVED');
      await client.deleteTask(payments, { id: 3, taskId: task.id });
      expect((await client.listTasks(payments, { id: 3 })).items.map((t) => t.id)).not.toContain(task.id);
    });
  });

  describe('pipelines', () => {
    const until = async (uuid: string, done: (pipeline: BbPipeline) => boolean): Promise<BbPipeline> => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const pipeline = await client.getPipeline(payments, { uuid });
        if (done(pipeline) || Date.now() > deadline) return pipeline;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };

    beforeEach(async () => {
      await fake.settings({ pipelinePendingMs: 100, pipelineStepMs: 200 });
    });

    it('lists pipelines newest first across pages, and sends the ref and status filters', async () => {
      const { items, pages } = await walkPages(async (o) => client.listPipelines(payments, {}, o), 4);
      expect(pages).toBe(2);
      expect(items.map((p) => p.buildNumber)).toEqual([6, 5, 4, 3, 2, 1]);
      expect(items.find((p) => p.buildNumber === 3)).toMatchObject({
        status: 'COMPLETED',
        result: 'FAILED',
        refType: 'branch',
        refName: 'feature/float-amounts',
        creator: { name: 'dave' },
      });
      await fake.clearRequests();
      const filtered = await client.listPipelines(payments, { ref: 'main', status: 'SUCCESSFUL' });
      const expected = items.filter((p) => p.refName === 'main' && p.result === 'SUCCESSFUL').map((p) => p.buildNumber);
      expect(expected).not.toEqual([]);
      expect(filtered.items.map((p) => p.buildNumber)).toEqual(expected);
      const [request] = await fake.requests({ path: '/pipelines' });
      const query = new URLSearchParams(request?.query ?? '');
      expect([query.get('target.ref_name'), query.get('status'), query.get('sort')]).toEqual([
        'main',
        'SUCCESSFUL',
        '-created_on',
      ]);
    });

    it('triggers a pipeline and follows it to completion, with its steps and logs', async () => {
      const triggered = await client.triggerPipeline(payments, {
        ref: 'main',
        variables: [{ key: 'DEPLOY_ENV', value: 'e2e' }],
      });
      expect(triggered).toMatchObject({
        status: 'PENDING',
        refType: 'branch',
        refName: 'main',
        creator: { name: 'alice' },
      });
      expect((await client.listPipelines(payments, {}, { limit: 1 })).items[0]?.uuid).toBe(triggered.uuid);
      const finished = await until(triggered.uuid, (p) => p.status === 'COMPLETED');
      expect(finished).toMatchObject({ status: 'COMPLETED', result: 'SUCCESSFUL', commit: await mainHead() });

      const steps = (await client.listPipelineSteps(payments, { uuid: triggered.uuid })).items;
      expect(steps.map((s) => [s.name, s.status, s.result])).toEqual([
        ['Lint', 'COMPLETED', 'SUCCESSFUL'],
        ['Test', 'COMPLETED', 'SUCCESSFUL'],
        ['Build', 'COMPLETED', 'SUCCESSFUL'],
      ]);
      const log = await client.getPipelineStepLog(payments, { uuid: triggered.uuid, stepUuid: steps[0]?.uuid ?? '' });
      expect(log).toContain('+ npm run lint');
      const bare = triggered.uuid.replace(/^\{|\}$/g, '');
      expect((await client.getPipeline(payments, { uuid: bare })).uuid).toBe(triggered.uuid);
    });

    it('triggers a custom pipeline on a commit and stops it', async () => {
      await fake.settings({ pipelinePendingMs: 5_000, pipelineStepMs: 5_000 });
      const head = await mainHead();
      const triggered = await client.triggerPipeline(payments, {
        ref: 'main',
        refType: 'branch',
        commit: head,
        customPipeline: 'deploy-to-staging',
      });
      expect(triggered).toMatchObject({ status: 'PENDING', commit: head });
      await client.stopPipeline(payments, { uuid: triggered.uuid });
      expect(await until(triggered.uuid, (p) => p.status === 'COMPLETED')).toMatchObject({
        status: 'COMPLETED',
        result: 'STOPPED',
      });
    });
  });

  describe('issues', () => {
    it('lists by state and text, reads one, creates one and comments on it', async () => {
      const all = (await client.listIssues(payments, {})).items;
      expect(all.map((i) => i.title)).toContain('Capture fails for JPY amounts');
      expect((await client.listIssues(payments, { state: 'open' })).items.map((i) => i.id)).toEqual([1]);
      expect((await client.listIssues(payments, { query: 'merchant export' })).items.map((i) => i.title)).toEqual([
        'Expose refunds in the merchant export',
      ]);

      expect(await client.getIssue(payments, { id: 1 })).toMatchObject({
        id: 1,
        state: 'open',
        kind: 'bug',
        priority: 'critical',
        reporter: { name: 'alice' },
        assignee: { name: 'bob' },
      });

      const created = await client.createIssue(payments, {
        title: 'Refund webhooks',
        content: 'Emit a webhook when a refund settles.',
        kind: 'enhancement',
        priority: 'minor',
        assignee: 'carol',
      });
      expect(created).toMatchObject({ title: 'Refund webhooks', kind: 'enhancement', assignee: { name: 'carol' } });
      expect(await client.getIssue(payments, { id: created.id })).toMatchObject({
        content: 'Emit a webhook when a refund settles.',
      });

      const comment = await client.addIssueComment(payments, { id: created.id, text: 'Finance asked for it too.' });
      expect(comment).toMatchObject({ text: 'Finance asked for it too.', author: { name: 'alice' } });
      const listed = (await (
        await fetch(`${fake.cloudUrl}/repositories/acme/payments-api/issues/${created.id}/comments`, {
          headers: { Authorization: `Basic ${Buffer.from('alice@acme.example:ATATT-fake-alice').toString('base64')}` },
        })
      ).json()) as { values: { id: number }[] };
      expect(listed.values.map((value) => value.id)).toEqual([comment.id]);

      const noTracker = { workspace: 'acme', repo: 'infra-config' };
      expect((await gatewayFailure(client.listIssues(noTracker, {}))).code).toBe(BitbucketErrorCode.NOT_FOUND);
    });
  });
});
