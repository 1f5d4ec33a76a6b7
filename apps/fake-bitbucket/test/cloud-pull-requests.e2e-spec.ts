import { basicAuth, FakeBitbucketProcess } from '@app/testing';

const REPO = '/2.0/repositories/acme/payments-api';
const PRS = `${REPO}/pullrequests`;

interface Account {
  readonly uuid: string;
  readonly account_id: string;
  readonly nickname: string;
}
interface Participant {
  readonly user: Account;
  readonly role: string;
  readonly approved: boolean;
  readonly state: string | null;
  readonly participated_on: string | null;
}
interface Endpoint {
  readonly branch: { readonly name: string };
  readonly commit: { readonly hash: string };
}
interface PullRequest {
  readonly id: number;
  readonly title: string;
  readonly state: string;
  readonly author: Account;
  readonly source: Endpoint;
  readonly destination: Endpoint;
  readonly reviewers?: readonly Account[];
  readonly participants?: readonly Participant[];
  readonly merge_commit: {
    readonly hash: string;
    readonly message?: string;
    readonly parents?: { hash: string }[];
  } | null;
  readonly closed_by: Account | null;
  readonly close_source_branch: boolean;
  readonly comment_count: number;
  readonly task_count: number;
  readonly links: Record<string, { readonly href: string }>;
}
interface Comment {
  readonly id: number;
  readonly content: { readonly raw: string; readonly html: string };
  readonly deleted: boolean;
  readonly inline?: { readonly path: string; readonly from: number | null; readonly to: number | null };
  readonly parent?: { readonly id: number };
  readonly resolution?: { readonly type: string; readonly user: Account };
}
interface Task {
  readonly id: number;
  readonly state: string;
  readonly content: { readonly raw: string };
  readonly resolved_by: Account | null;
  readonly resolved_on: string | null;
  readonly comment?: { readonly id: number };
}
interface Page<T> {
  readonly values: T[];
  readonly next?: string;
  readonly size?: number;
  readonly pagelen: number;
}
interface Answer<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}
interface CloudError {
  readonly type: string;
  readonly error: { readonly message: string; readonly fields?: Record<string, string[]> };
}

type Person = 'alice' | 'bob' | 'carol' | 'erin';

describe('fake Bitbucket Cloud pull requests and their review loop (over real sockets)', () => {
  let fake: FakeBitbucketProcess;

  async function send<T>(person: Person, method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const url = path.startsWith('http') ? path : `${fake.url}${path}`;
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        Authorization: basicAuth(`${person}@acme.example`, `ATATT-fake-${person}`),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }
  const get = async <T>(path: string, person: Person = 'alice'): Promise<Answer<T>> => send<T>(person, 'GET', path);
  const pullRequest = async (id: number): Promise<PullRequest> => (await get<PullRequest>(`${PRS}/${id}`)).body;
  const ids = (page: Page<PullRequest>): number[] => page.values.map((pr) => pr.id);
  const uuidOf = async (person: Person): Promise<Account> => (await get<Account>('/2.0/user', person)).body;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });
  beforeEach(async () => {
    await fake.reset();
  });
  afterAll(async () => {
    await fake.stop();
  });

  describe('listing', () => {
    it('lists open pull requests by default, without the fields only GET by id carries', async () => {
      const { status, body } = await get<Page<PullRequest>>(PRS);
      expect(status).toBe(200);
      expect(ids(body)).toEqual([3, 4, 5, 8]);
      expect(body.values.every((pr) => pr.state === 'OPEN')).toBe(true);
      expect(body.values[0]).not.toHaveProperty('participants');
      expect(body.values[0]).not.toHaveProperty('reviewers');
      const withParticipants = await get<Page<PullRequest>>(`${PRS}?fields=%2Bvalues.participants`);
      expect(withParticipants.body.values[0]?.participants?.length).toBeGreaterThan(0);
    });

    it('lists several states and walks the pages through `next`', async () => {
      const seen: PullRequest[] = [];
      let next: string | undefined = `${PRS}?state=MERGED&state=DECLINED&state=SUPERSEDED&pagelen=2`;
      let pages = 0;
      while (next !== undefined) {
        const page: Answer<Page<PullRequest>> = await get<Page<PullRequest>>(next);
        expect(page.body.size).toBe(4);
        seen.push(...page.body.values);
        next = page.body.next;
        pages += 1;
      }
      expect(pages).toBe(2);
      expect(seen.map((pr) => [pr.id, pr.state])).toEqual([
        [1, 'MERGED'],
        [2, 'DECLINED'],
        [6, 'SUPERSEDED'],
        [7, 'MERGED'],
      ]);
      expect((await get<CloudError>(`${PRS}?state=CLOSED`)).status).toBe(400);
    });

    it('filters "mine" and "needs my review" with q', async () => {
      const alice = await uuidOf('alice');
      const mine = await get<Page<PullRequest>>(`${PRS}?q=${encodeURIComponent(`author.uuid="${alice.uuid}"`)}`);
      expect(ids(mine.body)).toEqual([5]);
      const toReview = await get<Page<PullRequest>>(`${PRS}?q=${encodeURIComponent(`reviewers.uuid="${alice.uuid}"`)}`);
      expect(ids(toReview.body)).toEqual([3, 4]);
      expect(toReview.body.values[0]).not.toHaveProperty('reviewers');
      const participating = await get<Page<PullRequest>>(
        `${PRS}?state=MERGED&q=${encodeURIComponent(`participants.user.account_id="${alice.account_id}"`)}`,
      );
      expect(ids(participating.body)).toEqual([1, 7]);
    });
  });

  describe('creating and updating', () => {
    it('creates a pull request that then appears in the list', async () => {
      const bob = await uuidOf('bob');
      const created = await send<PullRequest>('alice', 'POST', PRS, {
        title: 'Integer amounts, again',
        description: 'Second try.',
        source: { branch: { name: 'feature/float-amounts' } },
        reviewers: [{ uuid: bob.uuid }],
        close_source_branch: true,
      });
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe(`${fake.url}${PRS}/9`);
      expect(created.body).toMatchObject({
        id: 9,
        state: 'OPEN',
        title: 'Integer amounts, again',
        author: { nickname: 'alice' },
        source: { branch: { name: 'feature/float-amounts' } },
        destination: { branch: { name: 'main' } },
        reviewers: [{ uuid: bob.uuid }],
        participants: [{ user: { nickname: 'bob' }, role: 'REVIEWER', approved: false, state: null }],
        close_source_branch: true,
        merge_commit: null,
        closed_by: null,
      });
      expect(created.body.source.commit.hash).toMatch(/^[0-9a-f]{12}$/);
      expect(ids((await get<Page<PullRequest>>(PRS)).body)).toEqual([3, 4, 5, 8, 9]);
    });

    it('answers 400 with the field for a missing title or source, an unknown branch and a duplicate', async () => {
      const source = { branch: { name: 'feature/payouts' } };
      const noTitle = await send<CloudError>('alice', 'POST', PRS, { source });
      expect(noTitle.status).toBe(400);
      expect(noTitle.body.error.fields).toHaveProperty('title');
      const noSource = await send<CloudError>('alice', 'POST', PRS, { title: 'x' });
      expect(noSource.body.error.fields).toHaveProperty('source');
      const unknown = await send<CloudError>('alice', 'POST', PRS, {
        title: 'x',
        source: { branch: { name: 'nope' } },
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.fields).toHaveProperty('source');
      const duplicate = await send<CloudError>('alice', 'POST', PRS, {
        title: 'x',
        source: { branch: { name: 'feature/refunds' } },
      });
      expect(duplicate.status).toBe(400);
      expect(duplicate.body).toMatchObject({
        type: 'error',
        error: { message: expect.stringContaining('#3') as string },
      });
    });

    it('updates the title and the reviewers, and the activity log records it', async () => {
      const [bob, erin] = await Promise.all([uuidOf('bob'), uuidOf('erin')]);
      const updated = await send<PullRequest>('carol', 'PUT', `${PRS}/3`, {
        title: 'Add refund endpoint (v2)',
        reviewers: [{ uuid: bob.uuid }, { account_id: erin.account_id }],
      });
      expect(updated.status).toBe(200);
      expect(updated.body.title).toBe('Add refund endpoint (v2)');
      const after = await pullRequest(3);
      expect(after.title).toBe('Add refund endpoint (v2)');
      expect(after.reviewers?.map((r) => r.nickname)).toEqual(['bob', 'erin']);
      const activity = await get<Page<Record<string, { title?: string; state?: string }>>>(`${PRS}/3/activity`);
      expect(activity.body.values[0]?.update).toMatchObject({ title: 'Add refund endpoint (v2)', state: 'OPEN' });
      expect(activity.body.values.at(-1)?.update?.state).toBe('OPEN');
    });
  });

  describe('reviewing', () => {
    it('approves, shows the approval among the participants, then withdraws it', async () => {
      const approved = await send<Participant>('bob', 'POST', `${PRS}/3/approve`);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        type: 'participant',
        user: { nickname: 'bob' },
        role: 'REVIEWER',
        approved: true,
        state: 'approved',
      });
      const bobOf = async (): Promise<Participant | undefined> =>
        (await pullRequest(3)).participants?.find((p) => p.user.nickname === 'bob');
      expect(await bobOf()).toMatchObject({ approved: true, state: 'approved' });
      const activity = await get<Page<Record<string, { user?: Account }>>>(`${PRS}/3/activity`);
      expect(activity.body.values[0]?.approval?.user?.nickname).toBe('bob');

      expect((await send('bob', 'DELETE', `${PRS}/3/approve`)).status).toBe(204);
      expect(await bobOf()).toMatchObject({ approved: false, state: null });
      const later = await get<Page<Record<string, { user?: Account }>>>(`${PRS}/3/activity`);
      expect(later.body.values.some((entry) => entry.approval?.user?.nickname === 'bob')).toBe(false);
    });

    it('requests changes and removes the request', async () => {
      const requested = await send<Participant>('bob', 'POST', `${PRS}/3/request-changes`);
      expect(requested.status).toBe(200);
      expect(requested.body).toMatchObject({ approved: false, state: 'changes_requested' });
      const bob = (await pullRequest(3)).participants?.find((p) => p.user.nickname === 'bob');
      expect(bob?.state).toBe('changes_requested');
      expect((await send('bob', 'DELETE', `${PRS}/3/request-changes`)).status).toBe(204);
      expect((await pullRequest(3)).participants?.find((p) => p.user.nickname === 'bob')?.state).toBeNull();
    });

    it('refuses the author approving their own pull request', async () => {
      const own = await send<CloudError>('carol', 'POST', `${PRS}/3/approve`);
      expect(own.status).toBe(400);
      expect(own.body.type).toBe('error');
      expect((await pullRequest(3)).participants?.some((p) => p.user.nickname === 'carol')).toBe(false);
    });
  });

  describe('comments', () => {
    const COMMENTS = `${PRS}/3/comments`;

    it('adds general, inline (new and old side) and reply comments, edits and deletes them', async () => {
      const before = (await pullRequest(3)).comment_count;
      const general = await send<Comment>('alice', 'POST', COMMENTS, { content: { raw: 'Looks *good*' } });
      expect(general.status).toBe(201);
      expect(general.body).toMatchObject({ content: { raw: 'Looks *good*' }, deleted: false });
      expect(general.body).not.toHaveProperty('inline');
      const newSide = await send<Comment>('bob', 'POST', COMMENTS, {
        content: { raw: 'Guard against negative amounts.' },
        inline: { path: 'src/refunds/refund.service.ts', to: 14 },
      });
      expect(newSide.body.inline).toEqual({ path: 'src/refunds/refund.service.ts', from: null, to: 14 });
      const oldSide = await send<Comment>('bob', 'POST', COMMENTS, {
        content: { raw: 'This line moved.' },
        // Old line 8 is in the diff's only hunk of docs/api.md (old lines 7 to 9).
        inline: { path: 'docs/api.md', from: 8, to: 8 },
      });
      expect(oldSide.body.inline).toEqual({ path: 'docs/api.md', from: 8, to: null });
      const reply = await send<Comment>('carol', 'POST', COMMENTS, {
        content: { raw: 'Done.' },
        parent: { id: newSide.body.id },
      });
      expect(reply.body.parent?.id).toBe(newSide.body.id);
      expect(reply.body.inline?.path).toBe('src/refunds/refund.service.ts');
      expect((await pullRequest(3)).comment_count).toBe(before + 4);

      const edited = await send<Comment>('alice', 'PUT', `${COMMENTS}/${general.body.id}`, {
        content: { raw: 'Looks great' },
      });
      expect(edited.status).toBe(200);
      expect(edited.body.content.raw).toBe('Looks great');
      expect((await send('bob', 'PUT', `${COMMENTS}/${general.body.id}`, { content: { raw: 'x' } })).status).toBe(403);

      expect((await send('carol', 'DELETE', `${COMMENTS}/${reply.body.id}`)).status).toBe(204);
      const listed = await get<Page<Comment>>(`${COMMENTS}?pagelen=100`);
      expect(listed.body.values.find((c) => c.id === reply.body.id)).toMatchObject({ deleted: true });
      expect(listed.body.values.find((c) => c.id === general.body.id)?.content.raw).toBe('Looks great');
      expect((await get<Comment>(`${COMMENTS}/${reply.body.id}`)).body.deleted).toBe(true);
      expect((await pullRequest(3)).comment_count).toBe(before + 3);
    });

    it('resolves a thread and reopens it', async () => {
      const inline = await send<Comment>('bob', 'POST', COMMENTS, {
        content: { raw: 'Rounding?' },
        inline: { path: 'src/refunds/refund.service.ts', to: 20 },
      });
      const url = `${COMMENTS}/${inline.body.id}/resolve`;
      const resolved = await send<Record<string, unknown>>('carol', 'POST', url);
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({ type: 'comment_resolution', user: { nickname: 'carol' } });
      expect((await get<Comment>(`${COMMENTS}/${inline.body.id}`)).body.resolution?.user.nickname).toBe('carol');
      expect((await send('carol', 'POST', url)).status).toBe(409);

      expect((await send('carol', 'DELETE', url)).status).toBe(204);
      expect((await get<Comment>(`${COMMENTS}/${inline.body.id}`)).body).not.toHaveProperty('resolution');
      expect((await send('carol', 'DELETE', url)).status).toBe(404);
    });

    it('seeds the resolution of the thread carol resolved on its top comment, not on her reply', async () => {
      const top = await get<Comment>(`${COMMENTS}/1007`);
      expect(top.body.inline?.path).toBe('src/refunds/refund.service.ts');
      expect(top.body.resolution).toMatchObject({ type: 'comment_resolution', user: { nickname: 'carol' } });
      const reply = await get<Comment>(`${COMMENTS}/1008`);
      expect(reply.body.parent?.id).toBe(1007);
      expect(reply.body).not.toHaveProperty('resolution');
      // So it reopens from the top comment, where Cloud allows it.
      expect((await send('carol', 'DELETE', `${COMMENTS}/1007/resolve`)).status).toBe(204);
    });

    it('keeps tasks out of the comments and refuses an empty comment', async () => {
      const listed = await get<Page<Comment>>(`${COMMENTS}?pagelen=100`);
      expect(listed.body.values.map((c) => c.content.raw)).not.toContain('Add tests for partial refunds');
      const empty = await send<CloudError>('alice', 'POST', COMMENTS, { content: { raw: '  ' } });
      expect(empty.status).toBe(400);
      expect(empty.body.error.fields).toHaveProperty('content');
    });
  });

  describe('tasks', () => {
    const TASKS = `${PRS}/3/tasks`;

    it('creates, resolves, reopens and deletes a task, and task_count follows', async () => {
      const seeded = await get<Page<Task>>(TASKS);
      expect(seeded.body.values.map((t) => t.state)).toEqual(['UNRESOLVED', 'RESOLVED']);
      expect((await pullRequest(3)).task_count).toBe(1);

      const created = await send<Task>('alice', 'POST', TASKS, { content: { raw: 'Add a changelog entry' } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ state: 'UNRESOLVED', resolved_by: null, resolved_on: null });
      expect((await pullRequest(3)).task_count).toBe(2);

      const task = `${TASKS}/${created.body.id}`;
      const resolved = await send<Task>('carol', 'PUT', task, { state: 'RESOLVED' });
      expect(resolved.body).toMatchObject({ state: 'RESOLVED', resolved_by: { nickname: 'carol' } });
      expect(resolved.body.resolved_on).not.toBeNull();
      expect((await pullRequest(3)).task_count).toBe(1);

      const reopened = await send<Task>('alice', 'PUT', task, { state: 'UNRESOLVED', content: { raw: 'Changelog!' } });
      expect(reopened.body).toMatchObject({ state: 'UNRESOLVED', resolved_by: null, content: { raw: 'Changelog!' } });
      expect((await pullRequest(3)).task_count).toBe(2);

      expect((await send('alice', 'DELETE', task)).status).toBe(204);
      expect((await get<CloudError>(task)).status).toBe(404);
      expect((await pullRequest(3)).task_count).toBe(1);
    });

    it('attaches a task to a comment', async () => {
      const comment = (await get<Page<Comment>>(`${PRS}/3/comments`)).body.values[0];
      const task = await send<Task>('alice', 'POST', TASKS, {
        content: { raw: 'Follow up' },
        comment: { id: comment?.id },
      });
      expect(task.body.comment?.id).toBe(comment?.id);
    });
  });

  describe('closing', () => {
    it('declines a pull request, which then lists as DECLINED and can no longer merge', async () => {
      const declined = await send<PullRequest>('alice', 'POST', `${PRS}/4/decline`);
      expect(declined.status).toBe(200);
      expect(declined.body).toMatchObject({ state: 'DECLINED', closed_by: { nickname: 'alice' } });
      expect(ids((await get<Page<PullRequest>>(PRS)).body)).not.toContain(4);
      expect(ids((await get<Page<PullRequest>>(`${PRS}?state=DECLINED`)).body)).toEqual([2, 4]);
      const merge = await send<CloudError>('alice', 'POST', `${PRS}/4/merge`, {});
      expect(merge.status).toBe(400);
      expect(merge.body.error.message).toContain('declined');
    });

    it('merges with a merge commit on the destination and closes the source branch when asked', async () => {
      const before = await pullRequest(8);
      const merged = await send<PullRequest>('alice', 'POST', `${PRS}/8/merge`, {
        type: 'pullrequest_merge_parameters',
        message: 'Merge the payment flow docs',
        close_source_branch: true,
        merge_strategy: 'merge_commit',
      });
      expect(merged.status).toBe(200);
      expect(merged.body).toMatchObject({ state: 'MERGED', closed_by: { nickname: 'alice' } });
      const hash = merged.body.merge_commit?.hash ?? '';
      expect(hash).toMatch(/^[0-9a-f]{40}$/);
      expect(merged.body.merge_commit?.message).toBe('Merge the payment flow docs\n');

      const commit = await get<{ hash: string; parents: { hash: string }[] }>(`${REPO}/commit/${hash}`);
      expect(commit.status).toBe(200);
      const parents = commit.body.parents.map((p) => p.hash.slice(0, 12));
      expect(parents).toEqual([before.destination.commit.hash, before.source.commit.hash]);
      expect((await get(`${REPO}/refs/branches/docs/flow`)).status).toBe(404);

      const after = await pullRequest(8);
      expect(after.merge_commit?.hash).toBe(hash.slice(0, 12));
      expect(after.destination.commit.hash).toBe(before.destination.commit.hash);
      const commits = await get<Page<{ message: string }>>(`${PRS}/8/commits`);
      expect(commits.body.values.map((c) => c.message)).toEqual(['Describe the payment state machine\n']);
    });

    it('refuses a fast-forward once the destination has moved on', async () => {
      const refused = await send<CloudError>('alice', 'POST', `${PRS}/8/merge`, { merge_strategy: 'fast_forward' });
      expect(refused.status).toBe(409);
      expect((await pullRequest(8)).state).toBe('OPEN');
    });

    it('merges asynchronously: 202 with a task-status Location, PENDING once, then SUCCESS', async () => {
      const queued = await send('alice', 'POST', `${PRS}/3/merge?async=true`, { merge_strategy: 'squash' });
      expect(queued.status).toBe(202);
      const location = queued.headers.get('location') ?? '';
      expect(location).toMatch(new RegExp(`^${fake.url}${PRS}/3/merge/task-status/\\d+$`));
      expect((await get<{ task_status: string }>(location)).body.task_status).toBe('PENDING');
      const done = await get<{ task_status: string; merge_result: PullRequest }>(location);
      expect(done.body).toMatchObject({ task_status: 'SUCCESS', merge_result: { id: 3, state: 'MERGED' } });
      expect((await get(`${PRS}/3/merge/task-status/unknown`)).status).toBe(400);

      await fake.settings({ asyncMerges: true });
      expect((await send('alice', 'POST', `${PRS}/8/merge`)).status).toBe(202);
    });
  });

  describe('diffs, statuses and errors', () => {
    it('redirects diff and diffstat to the repository routes with the pull request spec', async () => {
      const pr = await pullRequest(3);
      const spec = `acme/payments-api:${pr.source.commit.hash}%0D${pr.destination.commit.hash}`;
      for (const kind of ['diff', 'diffstat']) {
        const res = await get(`${PRS}/3/${kind}`);
        expect(res.status).toBe(302);
        const expected = `${fake.url}${REPO}/${kind}/${spec}?from_pullrequest_id=3&topic=true`;
        expect(res.headers.get('location')).toBe(expected);
        expect(pr.links[kind]?.href).toBe(expected);
      }
      const followed = await fetch(`${fake.url}${PRS}/3/diff`, {
        headers: { Authorization: basicAuth('alice@acme.example', 'ATATT-fake-alice') },
      });
      expect(followed.status).toBe(200);
      expect(await followed.text()).toContain('diff --git a/src/refunds/refund.service.ts');
    });

    it('keeps the caller’s query on the redirect, so a diffstat pages and filters through it', async () => {
      const pr = await pullRequest(3);
      const spec = `acme/payments-api:${pr.source.commit.hash}%0D${pr.destination.commit.hash}`;
      const query = 'pagelen=1&path=docs/api.md&path=src/refunds/refund.service.ts';
      const res = await get(`${PRS}/3/diffstat?${query}&topic=false`);
      expect(res.status).toBe(302);
      const location = res.headers.get('location') ?? '';
      expect(location).toBe(`${fake.url}${REPO}/diffstat/${spec}?from_pullrequest_id=3&topic=true&${query}`);
      const first = await get<Page<{ new: { path: string } }>>(location);
      expect(first.body).toMatchObject({ size: 2, pagelen: 1, values: [{ new: { path: 'docs/api.md' } }] });
      const second = await get<Page<{ new: { path: string } }>>(first.body.next ?? '');
      expect(second.body.values.map((entry) => entry.new.path)).toEqual(['src/refunds/refund.service.ts']);
    });

    it('lists the build statuses of the source head', async () => {
      const statuses = await get<Page<{ state: string; commit: { hash: string } }>>(`${PRS}/4/statuses`);
      expect(statuses.body.values.map((s) => s.state)).toEqual(['FAILED']);
      expect(statuses.body.values[0]?.commit.hash.slice(0, 12)).toBe((await pullRequest(4)).source.commit.hash);
    });

    it('answers Cloud 404s for an unknown pull request, comment and task', async () => {
      for (const path of [`${PRS}/999`, `${PRS}/abc`, `${PRS}/3/comments/999999`, `${PRS}/3/tasks/999999`]) {
        const res = await get<CloudError>(path);
        expect(res.status).toBe(404);
        expect(res.body.type).toBe('error');
      }
    });
  });
});
