import { basicAuth, FakeBitbucketProcess } from '@app/testing';
import type { BitbucketAreas } from '../src/bitbucket-areas';
import { BitbucketErrorCode } from '../src/bitbucket-error-code.enum';
import { DatacenterApi } from '../src/datacenter/datacenter-api';
import { DatacenterCommentsApi } from '../src/datacenter/datacenter-comments.api';
import { DatacenterPullRequestChangesApi } from '../src/datacenter/datacenter-pull-request-changes.api';
import { DatacenterPullRequestReviewsApi } from '../src/datacenter/datacenter-pull-request-reviews.api';
import { DatacenterPullRequestsApi } from '../src/datacenter/datacenter-pull-requests.api';
import type { BbComment } from '../src/model/bb-comment';
import type { BbPage } from '../src/model/bb-page';
import type { BbPullRequest } from '../src/model/bb-pull-request';
import type { BitbucketUpstream } from '../src/upstream/bitbucket-upstream';
import { fakeUpstream } from './fake-upstream';
import { walkPages } from './walk-pages';
import { gatewayFailure } from './gateway-failure';
import { flattenThreads } from './flatten-threads';
import { testPageCursors } from './test-page-cursors';

const ids = (page: BbPage<{ id: number }> | { items: readonly { id: number }[] }): number[] =>
  page.items.map((item) => item.id).sort((a, b) => a - b);

type Seeded = 'alice' | 'bob' | 'carol' | 'erin';

/** The areas under test, as the gateway has them. */
interface Gateway extends Pick<BitbucketAreas, 'pullRequests' | 'changes' | 'reviews' | 'comments'> {
  readonly upstream: BitbucketUpstream;
}

const payments = { workspace: 'PLAT', repo: 'payments-api' };
const PULL_REQUESTS = '/rest/api/latest/projects/PLAT/repos/payments-api/pull-requests';
const WEBHOOK_HANDLER = 'src/webhooks/webhook.handler.ts';

describe('Data Center pull requests, reviews and comments against the fake Bitbucket Data Center (real sockets)', () => {
  let fake: FakeBitbucketProcess;
  const gateways = new Map<Seeded, Gateway>();
  const as = (user: Seeded): Gateway => {
    const gateway = gateways.get(user);
    if (gateway === undefined) throw new Error(`no gateway for ${user}`);
    return gateway;
  };

  /** A Data Center REST call made by someone else, beside the gateway (a concurrent edit). */
  async function direct(user: Seeded, method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${fake.datacenterUrl}${path}`, {
      method,
      headers: {
        Authorization: basicAuth(user, `${user}-password`),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  /** Resolves once the fake has received the `nth` request matching, and holds it unanswered (a fault delays it). */
  async function pending(method: string, path: string, nth: number): Promise<void> {
    for (let tries = 0; tries < 200; tries += 1) {
      const requests = await fake.requests({ method, path });
      if (requests[nth - 1]?.outcome === 'pending') return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`request ${nth} of ${method} ${path} never waited`);
  }

  /** Adds a reviewer as carol would in the UI: a write that moves the pull request's version on. */
  const addReviewer = async (id: number, name: string): Promise<unknown> =>
    direct('carol', 'POST', `${PULL_REQUESTS}/${id}/participants`, { user: { name }, role: 'REVIEWER' });

  const get = async (id: number): Promise<BbPullRequest> => as('alice').pullRequests.getPullRequest(payments, { id });

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
    for (const user of ['alice', 'bob', 'carol', 'erin'] as const) {
      const upstream = fakeUpstream(fake, 'datacenter', user);
      const api = new DatacenterApi(upstream, testPageCursors());
      gateways.set(user, {
        upstream,
        pullRequests: new DatacenterPullRequestsApi(api),
        changes: new DatacenterPullRequestChangesApi(api),
        reviews: new DatacenterPullRequestReviewsApi(api),
        comments: new DatacenterCommentsApi(api),
      });
    }
  });
  beforeEach(async () => {
    await fake.reset();
  });
  afterAll(async () => {
    for (const gateway of gateways.values()) gateway.upstream.shutdown();
    await fake.stop();
  });

  describe('pull requests', () => {
    it('lists by state (one, several, all; SUPERSEDED is Cloud’s only), across pages', async () => {
      const { pullRequests } = as('alice');
      expect(ids(await pullRequests.listPullRequests(payments, {}))).toEqual([3, 4, 5, 8]);
      expect(ids(await pullRequests.listPullRequests(payments, { states: ['MERGED'] }))).toEqual([1, 7]);
      expect(ids(await pullRequests.listPullRequests(payments, { states: ['DECLINED'] }))).toEqual([2, 6]);

      const every = await walkPages(
        async (o) =>
          pullRequests.listPullRequests(payments, { states: ['OPEN', 'MERGED', 'DECLINED', 'SUPERSEDED'] }, o),
        3,
      );
      expect(every.pages).toBe(3);
      expect(ids(every)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(every.items.find((pr) => pr.id === 6)?.state).toBe('DECLINED');

      const closed = await walkPages(
        async (o) => pullRequests.listPullRequests(payments, { states: ['MERGED', 'DECLINED'] }, o),
        2,
      );
      expect(ids(closed)).toEqual([1, 2, 6, 7]);
      expect(closed.items.every((pr) => pr.state !== 'OPEN' && pr.closedOn !== undefined)).toBe(true);

      expect(await pullRequests.listPullRequests(payments, { states: ['SUPERSEDED'] })).toEqual({ items: [] });
    });

    it('filters by author, reviewer and "mine" (the credential’s user, as author or reviewer)', async () => {
      const { pullRequests } = as('alice');
      expect(ids(await pullRequests.listPullRequests(payments, { author: 'carol' }))).toEqual([3]);
      expect(ids(await pullRequests.listPullRequests(payments, { reviewer: 'erin' }))).toEqual([4]);
      expect(
        ids(await pullRequests.listPullRequests(payments, { states: ['MERGED'], author: 'bob', reviewer: 'carol' })),
      ).toEqual([1]);
      expect(ids(await pullRequests.listPullRequests(payments, { mine: 'authored' }))).toEqual([5]);
      expect(ids(await pullRequests.listPullRequests(payments, { mine: 'reviewing' }))).toEqual([3, 4]);
      const reviewing = await walkPages(
        async (o) => pullRequests.listPullRequests(payments, { states: ['OPEN', 'MERGED'], mine: 'reviewing' }, o),
        1,
      );
      expect(ids(reviewing)).toEqual([1, 3, 4, 7]);

      const bob = as('bob').pullRequests;
      expect(ids(await bob.listPullRequests(payments, { mine: 'authored' }))).toEqual([4]);
      expect(ids(await bob.listPullRequests(payments, { mine: 'reviewing' }))).toEqual([3, 5]);

      const listed = (await pullRequests.listPullRequests(payments, { author: 'carol' })).items[0];
      expect(listed).toEqual(await get(3));
    });

    it('reads a pull request with its reviews, counts, version and ISO dates; unknown ones are NOT_FOUND', async () => {
      const pr = await get(3);
      expect(pr).toMatchObject({
        id: 3,
        title: 'Add refund endpoint',
        state: 'OPEN',
        draft: false,
        author: { id: 'carol', name: 'carol', displayName: 'Carol Dubois' },
        sourceBranch: 'feature/refunds',
        destinationBranch: 'main',
        openTaskCount: 1,
        version: 2,
      });
      expect(pr.sourceCommit).toMatch(/^[0-9a-f]{40}$/);
      expect(pr.sourceRepository).toBeUndefined();
      expect(pr.commentCount).toBeGreaterThan(0);
      expect(pr.createdOn).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(pr.url).toBe(`${fake.datacenterUrl}/projects/PLAT/repos/payments-api/pull-requests/3`);
      expect(pr.reviewers.map((r) => [r.user.name, r.role, r.status])).toEqual([
        ['alice', 'reviewer', 'approved'],
        ['bob', 'reviewer', 'none'],
      ]);

      const missing = await gatewayFailure(get(99));
      expect(missing.code).toBe(BitbucketErrorCode.NOT_FOUND);
      // Named from the route; Data Center's own sentence says no more, so it is not kept.
      expect(missing.messageKey).toBe('BITBUCKET_NOT_FOUND_PULL_REQUEST');
      expect(missing.params).toMatchObject({ repository: 'PLAT/payments-api', id: '99' });
      expect(missing.params).not.toHaveProperty('upstreamText');
      const noRepo = as('alice').pullRequests.listPullRequests({ workspace: 'PLAT', repo: 'nope' }, {});
      expect((await gatewayFailure(noRepo)).code).toBe(BitbucketErrorCode.NOT_FOUND);
    });

    it('creates (default destination, reviewers by slug), updates only what changed, a reviewer approves, it merges', async () => {
      const { pullRequests, changes, reviews } = as('alice');
      const created = await pullRequests.createPullRequest(payments, {
        title: 'Retry payouts',
        description: 'Three attempts, then give up.',
        sourceBranch: 'feature/payouts',
        reviewers: ['bob', 'carol'],
      });
      expect(created).toMatchObject({
        title: 'Retry payouts',
        state: 'OPEN',
        draft: false,
        author: { name: 'alice' },
        sourceBranch: 'feature/payouts',
        destinationBranch: 'main',
        version: 0,
      });
      expect(created.reviewers.map((r) => [r.user.name, r.status])).toEqual([
        ['bob', 'none'],
        ['carol', 'none'],
      ]);

      const retitled = await pullRequests.updatePullRequest(payments, {
        id: created.id,
        title: 'Retry failed payouts',
      });
      expect(retitled).toMatchObject({ title: 'Retry failed payouts', description: 'Three attempts, then give up.' });
      expect(retitled.reviewers.map((r) => r.user.name)).toEqual(['bob', 'carol']);
      const narrowed = await pullRequests.updatePullRequest(payments, {
        id: created.id,
        description: 'Three attempts.',
        reviewers: ['bob'],
      });
      expect(narrowed).toMatchObject({ title: 'Retry failed payouts', description: 'Three attempts.' });
      expect(narrowed.reviewers.map((r) => [r.user.name, r.role])).toEqual([
        ['bob', 'reviewer'],
        ['carol', 'participant'],
      ]);
      expect(narrowed.version).toBe(2);

      const bob = as('bob').reviews;
      const status = async (): Promise<string | undefined> =>
        (await get(created.id)).reviewers.find((r) => r.user.name === 'bob')?.status;
      await bob.requestChanges(payments, { id: created.id });
      expect(await status()).toBe('changes_requested');
      await bob.unapprovePullRequest(payments, { id: created.id });
      expect(await status()).toBe('none');
      await bob.approvePullRequest(payments, { id: created.id });
      expect(await status()).toBe('approved');
      expect((await gatewayFailure(reviews.approvePullRequest(payments, { id: created.id }))).code).toBe(
        BitbucketErrorCode.VALIDATION,
      );

      const merged = await reviews.mergePullRequest(payments, {
        id: created.id,
        strategy: 'merge_commit',
        message: 'Ship payout retries',
      });
      expect(merged).toMatchObject({ id: created.id, state: 'MERGED' });
      expect(merged.closedOn).toEqual(expect.any(String));
      const head = (await direct('alice', 'GET', `/rest/api/latest/projects/PLAT/repos/payments-api/commits/main`)) as {
        message: string;
        parents: unknown[];
      };
      expect(head.message).toContain('Ship payout retries');
      expect(head.parents).toHaveLength(2);

      const activity = (
        await walkPages(async (o) => changes.listPullRequestActivity(payments, { id: created.id }, o), 2)
      ).items;
      expect(activity.map((a) => [a.type, a.user.name])).toEqual([
        ['merged', 'alice'],
        ['approved', 'bob'],
        ['unapproved', 'bob'],
        ['changes_requested', 'bob'],
        ['updated', 'alice'],
        ['updated', 'alice'],
        ['opened', 'alice'],
      ]);
      expect(activity[0]?.date).toBe(merged.closedOn);
    });

    it('refuses what Data Center cannot do or was not asked, before writing anything', async () => {
      const { pullRequests, reviews } = as('alice');
      const closing = pullRequests.createPullRequest(payments, {
        title: 'Close me',
        sourceBranch: 'feature/payouts',
        closeSourceBranch: true,
      });
      const unsupported = await gatewayFailure(closing);
      expect(unsupported.code).toBe(BitbucketErrorCode.UNSUPPORTED);
      expect(unsupported.params.feature).toContain('source branch');
      expect((await gatewayFailure(reviews.mergePullRequest(payments, { id: 8, closeSourceBranch: true }))).code).toBe(
        BitbucketErrorCode.UNSUPPORTED,
      );
      const octopus = await gatewayFailure(
        reviews.mergePullRequest(payments, { id: 8, strategy: 'octopus' as unknown as 'squash' }),
      );
      expect(octopus.code).toBe(BitbucketErrorCode.VALIDATION);
      expect(octopus.messageKey).toBe('BITBUCKET_MERGE_STRATEGY_INVALID');
      expect(octopus.params.strategies).toContain('merge_commit, squash, fast_forward');
      expect(ids(await pullRequests.listPullRequests(payments, {}))).toEqual([3, 4, 5, 8]);
    });

    it('squashes, and keeps Data Center’s own conflicts (no fast-forward, draft veto) as CONFLICT', async () => {
      const { reviews } = as('alice');
      const squashed = await reviews.mergePullRequest(payments, { id: 8, strategy: 'squash' });
      expect(squashed.state).toBe('MERGED');
      const head = (await direct('alice', 'GET', `/rest/api/latest/projects/PLAT/repos/payments-api/commits/main`)) as {
        parents: unknown[];
      };
      expect(head.parents).toHaveLength(1);

      const fastForward = await gatewayFailure(reviews.mergePullRequest(payments, { id: 4, strategy: 'fast_forward' }));
      expect(fastForward.code).toBe(BitbucketErrorCode.CONFLICT);
      expect(fastForward.messageKey).toBe('BITBUCKET_MERGE_VETOED');
      expect(fastForward.params.upstreamText).toContain('fast-forward');
      const draft = await gatewayFailure(reviews.mergePullRequest(payments, { id: 5 }));
      expect(draft.code).toBe(BitbucketErrorCode.CONFLICT);
      // Data Center's draft veto is told as what it is: the pull request is a draft.
      expect(draft.messageKey).toBe('BITBUCKET_PULL_REQUEST_DRAFT');
      expect(draft.params).toMatchObject({ id: '5', repository: 'PLAT/payments-api' });
      expect((await get(4)).state).toBe('OPEN');
    });

    it('declines with the reason posted as a comment', async () => {
      const declined = await as('alice').reviews.declinePullRequest(payments, {
        id: 5,
        reason: 'Superseded by the vault work.',
      });
      expect(declined).toMatchObject({ id: 5, state: 'DECLINED' });
      const texts = flattenThreads((await as('alice').comments.listComments(payments, { id: 5 })).items).map(
        (c) => c.text,
      );
      expect(texts).toContain('Superseded by the vault work.');
      const again = await gatewayFailure(as('alice').reviews.declinePullRequest(payments, { id: 5 }));
      expect(again.code).toBe(BitbucketErrorCode.CONFLICT);
    });
  });

  describe('stale versions (a concurrent edit between the read and the write)', () => {
    it('retries an update once with the new version, keeping the concurrent change', async () => {
      await fake.addFault({ path: `${PULL_REQUESTS}/8$`, method: 'PUT', latencyMs: 1500, times: 1 });
      const before = await get(8);
      const updating = as('alice').pullRequests.updatePullRequest(payments, { id: 8, title: 'Docs: payment states' });
      await pending('PUT', `${PULL_REQUESTS}/8$`, 1);
      await addReviewer(8, 'dave');
      const updated = await updating;
      expect(updated.title).toBe('Docs: payment states');
      expect(updated.reviewers.map((r) => r.user.name).sort()).toEqual(['carol', 'dave']);
      // The reviewer added concurrently moved the version on once, the retried update once more.
      expect(updated.version).toBe((before.version ?? 0) + 2);
    });

    it('fails as CONFLICT when the version is stale again on the retry', async () => {
      await fake.addFault({ path: `${PULL_REQUESTS}/8$`, method: 'PUT', latencyMs: 1000, times: 2 });
      const updating = gatewayFailure(as('alice').pullRequests.updatePullRequest(payments, { id: 8, title: 'Lost' }));
      await pending('PUT', `${PULL_REQUESTS}/8$`, 1);
      await addReviewer(8, 'dave');
      await pending('PUT', `${PULL_REQUESTS}/8$`, 2);
      await addReviewer(8, 'bob');
      const conflict = await updating;
      expect(conflict.code).toBe(BitbucketErrorCode.CONFLICT);
      expect(conflict.messageKey).toBe('BITBUCKET_PULL_REQUEST_OUT_OF_DATE');
      expect(conflict.params).toMatchObject({ repository: 'PLAT/payments-api', id: 8 });
      expect((await get(8)).title).toBe('Docs: payment flow diagram');
    });

    it('does not retry a merge decided on a version that went stale', async () => {
      await fake.addFault({ path: `${PULL_REQUESTS}/3/merge$`, method: 'POST', latencyMs: 1000, times: 1 });
      const merging = gatewayFailure(as('alice').reviews.mergePullRequest(payments, { id: 3 }));
      await pending('POST', `${PULL_REQUESTS}/3/merge$`, 1);
      await addReviewer(3, 'erin');
      const conflict = await merging;
      expect(conflict.code).toBe(BitbucketErrorCode.CONFLICT);
      expect(conflict.messageKey).toBe('BITBUCKET_PULL_REQUEST_OUT_OF_DATE');
      expect(conflict.params).toMatchObject({ repository: 'PLAT/payments-api', id: 3 });
      expect((await get(3)).state).toBe('OPEN');
    });
  });

  describe('comments', () => {
    it('lists threads from the activity stream: nested replies, inline anchors, resolution, across pages', async () => {
      const { comments } = as('alice');
      const page = await comments.listComments(payments, { id: 3 });
      expect(page.total).toBe(2);
      expect(page.cursor).toBeUndefined();
      const [general, inline] = page.items;
      expect(general).toMatchObject({
        author: { name: 'alice' },
        text: 'Nice and small. Two things before I approve, see the tasks.',
        resolved: false,
        replies: [{ author: { name: 'carol' } }],
      });
      expect(general?.inline).toBeUndefined();
      expect(general?.replies[0]?.parentId).toBe(general?.id);
      expect(general?.replies[0]?.replies.map((r) => r.text)).toEqual([
        'Approved. Please add the partial-refund tests before merging.',
      ]);
      expect(inline).toMatchObject({
        author: { name: 'bob' },
        inline: { path: 'src/refunds/refund.service.ts', line: 14, side: 'new' },
        resolved: true,
        replies: [{ author: { name: 'carol' } }],
      });
      // Tasks are listed as tasks, not as threads.
      expect(flattenThreads(page.items).map((c) => c.text)).not.toContain('Add tests for partial refunds');

      const paged = await walkPages(async (o) => comments.listComments(payments, { id: 3 }, o), 1);
      expect(paged.pages).toBe(2);
      expect(paged.items).toEqual(page.items);
      expect((await gatewayFailure(comments.listComments(payments, { id: 99 }))).code).toBe(
        BitbucketErrorCode.NOT_FOUND,
      );
    });

    it('adds general, line (new, old and unchanged lines) and reply comments, as threads show them', async () => {
      const { comments } = as('bob');
      const general = await comments.addComment(payments, { id: 4, text: 'Looks close.' });
      expect(general).toMatchObject({ text: 'Looks close.', author: { name: 'bob' }, version: 0, replies: [] });
      const added = await comments.addComment(payments, {
        id: 4,
        text: 'Constant-time compare: good.',
        inline: { path: WEBHOOK_HANDLER, line: 13, side: 'new' },
      });
      expect(added.inline).toEqual({ path: WEBHOOK_HANDLER, line: 13, side: 'new' });
      const removed = await comments.addComment(payments, {
        id: 4,
        text: 'The secret used to be implicit.',
        inline: { path: WEBHOOK_HANDLER, line: 8, side: 'old' },
      });
      expect(removed.inline).toEqual({ path: WEBHOOK_HANDLER, line: 8, side: 'old' });
      const unchanged = await comments.addComment(payments, {
        id: 4,
        text: 'Unchanged, but odd.',
        inline: { path: WEBHOOK_HANDLER, line: 4, side: 'new' },
      });
      expect(unchanged.inline).toEqual({ path: WEBHOOK_HANDLER, line: 4, side: 'new' });
      const reply = await as('carol').comments.addComment(payments, { id: 4, text: 'Agreed.', parentId: added.id });
      expect(reply).toMatchObject({ parentId: added.id, author: { name: 'carol' } });
      expect(reply.inline).toBeUndefined();

      const threads = (await comments.listComments(payments, { id: 4 }, { limit: 100 })).items;
      expect(threads.slice(-4).map((t) => t.id)).toEqual([general.id, added.id, removed.id, unchanged.id]);
      expect(threads.find((t) => t.id === added.id)?.replies.map((r) => [r.id, r.text])).toEqual([
        [reply.id, 'Agreed.'],
      ]);
      expect(threads.find((t) => t.id === unchanged.id)?.inline).toEqual({
        path: WEBHOOK_HANDLER,
        line: 4,
        side: 'new',
      });

      const elsewhere = comments.addComment(payments, {
        id: 4,
        text: 'Where?',
        inline: { path: 'nope.ts', line: 1, side: 'new' },
      });
      expect((await gatewayFailure(elsewhere)).code).toBe(BitbucketErrorCode.VALIDATION);
      const orphan = comments.addComment(payments, { id: 4, text: 'To whom?', parentId: 99999 });
      expect((await gatewayFailure(orphan)).code).toBe(BitbucketErrorCode.NOT_FOUND);
    });

    it('edits, resolves and reopens a thread, and deletes replies before their thread', async () => {
      const { comments } = as('bob');
      const root = await comments.addComment(payments, {
        id: 4,
        text: 'Typo here',
        inline: { path: WEBHOOK_HANDLER, line: 13, side: 'new' },
      });
      const edited = await comments.updateComment(payments, {
        id: 4,
        commentId: root.id,
        text: 'Typo here, see below',
      });
      expect(edited).toMatchObject({ id: root.id, text: 'Typo here, see below', version: 1 });
      const reply = await as('carol').comments.addComment(payments, { id: 4, text: 'Fixed.', parentId: root.id });

      const thread = async (): Promise<BbComment | undefined> =>
        (await comments.listComments(payments, { id: 4 }, { limit: 100 })).items.find((t) => t.id === root.id);
      await comments.resolveCommentThread(payments, { id: 4, commentId: root.id, resolved: true });
      expect(await thread()).toMatchObject({
        text: 'Typo here, see below',
        resolved: true,
        replies: [{ id: reply.id }],
      });
      await comments.resolveCommentThread(payments, { id: 4, commentId: root.id, resolved: false });
      expect((await thread())?.resolved).toBe(false);

      const withReplies = await gatewayFailure(comments.deleteComment(payments, { id: 4, commentId: root.id }));
      expect(withReplies.code).toBe(BitbucketErrorCode.CONFLICT);
      expect(withReplies.params.upstreamText).toContain('replies');
      await as('carol').comments.deleteComment(payments, { id: 4, commentId: reply.id });
      await comments.deleteComment(payments, { id: 4, commentId: root.id });
      expect(await thread()).toBeUndefined();
      expect(
        (await gatewayFailure(comments.updateComment(payments, { id: 4, commentId: root.id, text: 'x' }))).code,
      ).toBe(BitbucketErrorCode.NOT_FOUND);
    });
    it('reports Data Center’s 401 to a signed-in user who may not edit as FORBIDDEN, not a credential problem', async () => {
      const mine = await as('bob').comments.addComment(payments, { id: 4, text: 'Only bob may edit this' });
      const refused = await gatewayFailure(
        as('carol').comments.updateComment(payments, { id: 4, commentId: mine.id, text: 'carol was here' }),
      );
      expect(refused.code).toBe(BitbucketErrorCode.FORBIDDEN);
    });
  });

  describe('tasks', () => {
    it('lists, creates (general and on a comment), updates, resolves, reopens and deletes tasks', async () => {
      const { comments } = as('alice');
      const tasks = async (): Promise<BbPage<{ id: number; text: string; state: string }>> =>
        comments.listTasks(payments, { id: 3 });
      expect((await tasks()).items.map((t) => [t.text, t.state])).toEqual([
        ['Add tests for partial refunds', 'OPEN'],
        ['Document refunds in docs/api.md', 'RESOLVED'],
      ]);

      const anchorId = (await comments.listComments(payments, { id: 3 })).items[0]?.id ?? 0;
      const onComment = await comments.createTask(payments, { id: 3, text: 'Check the rounding', commentId: anchorId });
      expect(onComment).toMatchObject({ text: 'Check the rounding', state: 'OPEN', commentId: anchorId });
      const general = await comments.createTask(payments, { id: 3, text: 'Update the changelog' });
      expect(general.commentId).toBeUndefined();
      const paged = await walkPages(async (o) => comments.listTasks(payments, { id: 3 }, o), 1);
      expect(paged.pages).toBe(4);
      expect(paged.items.map((t) => t.id)).toEqual([...(await tasks()).items.map((t) => t.id)]);
      expect((await get(3)).openTaskCount).toBe(3);

      const done = await comments.updateTask(payments, {
        id: 3,
        taskId: onComment.id,
        text: 'Check rounding',
        state: 'RESOLVED',
      });
      expect(done).toMatchObject({ id: onComment.id, text: 'Check rounding', state: 'RESOLVED' });
      expect((await tasks()).items.find((t) => t.id === onComment.id)?.state).toBe('RESOLVED');
      const reopened = await as('carol').comments.updateTask(payments, { id: 3, taskId: onComment.id, state: 'OPEN' });
      expect(reopened).toMatchObject({ text: 'Check rounding', state: 'OPEN' });

      await comments.deleteTask(payments, { id: 3, taskId: onComment.id });
      await comments.deleteTask(payments, { id: 3, taskId: general.id });
      expect((await tasks()).items.map((t) => t.id)).not.toContain(onComment.id);
      expect((await gatewayFailure(comments.deleteTask(payments, { id: 3, taskId: onComment.id }))).code).toBe(
        BitbucketErrorCode.NOT_FOUND,
      );
      expect((await gatewayFailure(comments.listTasks(payments, { id: 99 }))).code).toBe(BitbucketErrorCode.NOT_FOUND);
    });
  });
});
