import { basicAuth, FakeBitbucketProcess } from '@app/testing';

const API = '/rest/api/latest';
const REPO = `${API}/projects/PLAT/repos/payments-api`;
const pr = (id: number | string): string => `${REPO}/pull-requests/${id}`;

type Seeded = 'alice' | 'bob' | 'carol' | 'dave' | 'erin' | 'frank';

interface Page<T> {
  size: number;
  limit: number;
  isLastPage: boolean;
  start: number;
  nextPageStart?: number;
  values: T[];
}
interface Participant {
  user: { name: string };
  role: 'AUTHOR' | 'REVIEWER' | 'PARTICIPANT';
  approved: boolean;
  status: 'APPROVED' | 'NEEDS_WORK' | 'UNAPPROVED';
  lastReviewedCommit?: string;
}
interface Ref {
  id: string;
  displayId: string;
  latestCommit: string;
  type: string;
  repository: { slug: string; project: { key: string } };
}
interface PullRequest {
  id: number;
  version: number;
  title: string;
  description?: string;
  state: string;
  open: boolean;
  closed: boolean;
  draft: boolean;
  createdDate: number;
  updatedDate: number;
  closedDate?: number;
  fromRef: Ref;
  toRef: Ref;
  author: Participant;
  reviewers: Participant[];
  participants: Participant[];
  properties: { openTaskCount: number; resolvedTaskCount: number; commentCount?: number; mergeResult?: unknown };
  links: { self: { href: string }[] };
}
interface Anchor {
  line?: number;
  lineType?: string;
  fileType?: string;
  path: string;
  fromHash: string;
  toHash: string;
}
interface Comment {
  id: number;
  version: number;
  text: string;
  author: { name: string };
  comments: Comment[];
  severity: 'NORMAL' | 'BLOCKER';
  state: 'OPEN' | 'RESOLVED';
  threadResolved: boolean;
  anchor?: Anchor;
  parent?: { id: number };
  permittedOperations: { editable: boolean; deletable: boolean; transitionable: boolean };
}
interface Activity {
  id: number;
  createdDate: number;
  user: { name: string };
  action: string;
  commentAction?: string;
  comment?: Comment;
  commentAnchor?: Anchor;
}
interface DcError {
  context: string | null;
  message: string;
  exceptionName: string | null;
  currentVersion?: number;
  expectedVersion?: number;
  pullRequest?: PullRequest;
  existingPullRequest?: PullRequest;
  vetoes?: { summaryMessage: string }[];
}
interface Answer<T> {
  status: number;
  contentType: string;
  body: T;
  text: string;
}

describe('fake Bitbucket Data Center pull requests (over real sockets)', () => {
  let fake: FakeBitbucketProcess;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });
  beforeEach(async () => {
    await fake.reset();
  });
  afterAll(async () => {
    await fake.stop();
  });

  async function call<T>(user: Seeded | 'nobody', method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const headers: Record<string, string> =
      user === 'nobody' ? {} : { Authorization: basicAuth(user, `${user}-password`) };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(`${fake.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      contentType,
      text,
      body: (contentType.includes('json') && text !== '' ? JSON.parse(text) : undefined) as T,
    };
  }
  const get = async <T>(user: Seeded, path: string): Promise<Answer<T>> => call<T>(user, 'GET', path);
  const error = async (answer: Promise<Answer<unknown>>, status: number): Promise<DcError> => {
    const { status: actual, body } = await answer;
    expect(actual).toBe(status);
    const { errors } = body as { errors: DcError[] };
    expect(errors).toHaveLength(1);
    const [first] = errors;
    if (first === undefined) throw new Error('a Data Center error body lists its errors');
    return first;
  };
  const ids = (page: Page<PullRequest>): number[] => page.values.map((p) => p.id);
  const pullRequest = async (id: number): Promise<PullRequest> => (await get<PullRequest>('alice', pr(id))).body;
  const reviewer = (p: PullRequest, name: string): Participant | undefined =>
    p.reviewers.find((r) => r.user.name === name);

  async function walk(path: string, limit: number): Promise<PullRequest[]> {
    const all: PullRequest[] = [];
    let start: number | undefined = 0;
    while (start !== undefined) {
      const { body }: Answer<Page<PullRequest>> = await get<Page<PullRequest>>(
        'alice',
        `${path}&limit=${limit}&start=${start}`,
      );
      expect(body.values.length).toBeLessThanOrEqual(limit);
      all.push(...body.values);
      start = body.isLastPage ? undefined : body.nextPageStart;
    }
    return all;
  }

  describe('listing', () => {
    it('lists OPEN by default, newest first, and ALL, MERGED and DECLINED (Cloud’s superseded one too)', async () => {
      const open = await get<Page<PullRequest>>('alice', `${REPO}/pull-requests`);
      expect(open.status).toBe(200);
      expect(ids(open.body)).toEqual([8, 5, 4, 3]);
      expect(open.body).toMatchObject({ size: 4, limit: 25, isLastPage: true, start: 0 });
      expect(ids((await get<Page<PullRequest>>('alice', `${REPO}/pull-requests?order=OLDEST`)).body)).toEqual([
        3, 4, 5, 8,
      ]);
      const merged = (await get<Page<PullRequest>>('alice', `${REPO}/pull-requests?state=MERGED`)).body;
      expect(ids(merged).sort()).toEqual([1, 7]);
      expect(merged.values.every((p) => p.state === 'MERGED' && p.closed && p.closedDate !== undefined)).toBe(true);
      const declined = (await get<Page<PullRequest>>('alice', `${REPO}/pull-requests?state=DECLINED`)).body;
      expect(ids(declined).sort()).toEqual([2, 6]);
      expect(declined.values.map((p) => p.state)).toEqual(['DECLINED', 'DECLINED']);
      const all = await walk(`${REPO}/pull-requests?state=ALL`, 3);
      expect(all.map((p) => p.id).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const wrong = await error(call('alice', 'GET', `${REPO}/pull-requests?state=SUPERSEDED`), 400);
      expect(wrong.context).toBe('state');
    });

    it('filters by participant (username.N, role.N, approved.N), draft, text and branch', async () => {
      const list = async (query: string): Promise<number[]> =>
        ids((await get<Page<PullRequest>>('alice', `${REPO}/pull-requests?${query}`)).body).sort();
      expect(await list('state=ALL&username.1=alice&role.1=REVIEWER&approved.1=true')).toEqual([1, 3, 7]);
      expect(await list('state=ALL&username.1=bob&role.1=AUTHOR')).toEqual([1, 4]);
      expect(await list('username.1=alice&role.1=REVIEWER&username.2=erin')).toEqual([4]);
      expect(await list('draft=true')).toEqual([5]);
      expect(await list('filterText=REFUND')).toEqual([3]);
      expect(await list('at=refs/heads/feature/refunds&direction=OUTGOING')).toEqual([3]);
      expect(await list('at=refs/heads/main')).toEqual([3, 4, 5, 8]);
    });

    it('shows the dashboard of the caller’s pull requests across repositories, and the inbox of reviews they owe', async () => {
      const dashboard = async (user: Seeded, query: string): Promise<string[]> =>
        (await get<Page<PullRequest>>(user, `${API}/dashboard/pull-requests?${query}`)).body.values
          .map((p) => `${p.toRef.repository.slug}#${p.id}`)
          .sort();
      expect(await dashboard('alice', 'role=AUTHOR')).toEqual(['identity-service#2', 'payments-api#5']);
      expect(await dashboard('alice', 'role=REVIEWER&state=OPEN')).toEqual([
        'identity-service#1',
        'payments-api#3',
        'payments-api#4',
        'web-portal#1',
      ]);
      expect(await dashboard('alice', 'participantStatus=NEEDS_WORK')).toEqual(['payments-api#2', 'payments-api#4']);
      // ml-experiments lives in acme-labs: carol is a member there, bob is not.
      expect(await dashboard('carol', 'role=REVIEWER&state=OPEN')).toContain('ml-experiments#1');
      expect(await dashboard('bob', 'state=OPEN')).not.toContain('ml-experiments#1');

      const inbox = async (): Promise<string[]> =>
        (await get<Page<PullRequest>>('alice', `${API}/inbox/pull-requests`)).body.values
          .map((p) => `${p.toRef.repository.slug}#${p.id}`)
          .sort();
      expect(await inbox()).toEqual(['identity-service#1', 'payments-api#4', 'web-portal#1']);
      const approved = await call('alice', 'PUT', `${pr(4)}/participants/alice?version=2`, { status: 'APPROVED' });
      expect(approved.status).toBe(200);
      expect(await inbox()).toEqual(['identity-service#1', 'web-portal#1']);
    });
  });

  describe('create, update, delete', () => {
    it('creates a pull request (201), then refuses a duplicate (409) and bad refs', async () => {
      const body = {
        title: 'Retry payouts, again',
        description: 'Back from the dead.',
        fromRef: { id: 'refs/heads/feature/payouts', repository: { slug: 'payments-api', project: { key: 'PLAT' } } },
        toRef: { id: 'refs/heads/main', repository: { slug: 'payments-api', project: { key: 'PLAT' } } },
        reviewers: [{ user: { name: 'carol' } }],
      };
      const created = await call<PullRequest>('erin', 'POST', `${REPO}/pull-requests`, body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: 9,
        version: 0,
        title: 'Retry payouts, again',
        description: 'Back from the dead.',
        state: 'OPEN',
        open: true,
        closed: false,
        draft: false,
        locked: false,
        fromRef: { id: 'refs/heads/feature/payouts', displayId: 'feature/payouts', type: 'BRANCH' },
        toRef: { id: 'refs/heads/main', displayId: 'main', repository: { slug: 'payments-api' } },
        author: { user: { name: 'erin' }, role: 'AUTHOR', approved: false, status: 'UNAPPROVED' },
        reviewers: [{ user: { name: 'carol' }, role: 'REVIEWER', approved: false, status: 'UNAPPROVED' }],
        participants: [],
        properties: { openTaskCount: 0, resolvedTaskCount: 0 },
      });
      expect(created.body.fromRef.latestCommit).toMatch(/^[0-9a-f]{40}$/);
      expect(created.body.links.self[0]?.href).toBe(`${fake.url}/projects/PLAT/repos/payments-api/pull-requests/9`);
      expect(
        (await get<PullRequest>('bob', `/rest/api/1.0/projects/PLAT/repos/payments-api/pull-requests/9`)).body.title,
      ).toBe('Retry payouts, again');

      const duplicate = await error(call('erin', 'POST', `${REPO}/pull-requests`, body), 409);
      expect(duplicate.exceptionName).toBe('com.atlassian.bitbucket.pull.DuplicatePullRequestException');
      expect(duplicate.existingPullRequest?.id).toBe(9);

      const missing = await error(
        call('erin', 'POST', `${REPO}/pull-requests`, { ...body, fromRef: { id: 'refs/heads/nope' } }),
        404,
      );
      expect(missing.message).toContain('refs/heads/nope');
      const same = { ...body, fromRef: { id: 'refs/heads/main' } };
      expect((await error(call('erin', 'POST', `${REPO}/pull-requests`, same), 409)).exceptionName).toBe(
        'com.atlassian.bitbucket.pull.InvalidPullRequestTargetException',
      );
      const upToDate = { ...body, fromRef: { id: 'refs/heads/feature/currency' } };
      expect((await error(call('erin', 'POST', `${REPO}/pull-requests`, upToDate), 409)).exceptionName).toBe(
        'com.atlassian.bitbucket.pull.EmptyPullRequestException',
      );
      const tag = { ...body, toRef: { id: 'refs/tags/v0.1.0' } };
      expect((await error(call('erin', 'POST', `${REPO}/pull-requests`, tag), 400)).context).toBe('toRef.id');
      const untitled = { ...body, title: '' };
      expect((await error(call('erin', 'POST', `${REPO}/pull-requests`, untitled), 400)).context).toBe('title');
    });

    it('updates with the current version, refuses a stale one with both versions, and replaces the reviewers', async () => {
      const before = await pullRequest(8);
      const updated = await call<PullRequest>('erin', 'PUT', pr(8), {
        version: before.version,
        title: 'Docs: payment state machine',
        description: 'Now with refunds.',
        reviewers: [{ user: { name: 'carol' } }, { user: { name: 'dave' } }],
      });
      expect(updated.status).toBe(200);
      expect(updated.body.version).toBe(before.version + 1);
      expect(updated.body).toMatchObject({ title: 'Docs: payment state machine', description: 'Now with refunds.' });
      expect(updated.body.reviewers.map((r) => r.user.name).sort()).toEqual(['carol', 'dave']);

      const stale = await error(call('erin', 'PUT', pr(8), { version: before.version, title: 'Too late' }), 409);
      expect(stale).toMatchObject({
        exceptionName: 'com.atlassian.bitbucket.pull.PullRequestOutOfDateException',
        currentVersion: before.version + 1,
        expectedVersion: before.version,
      });
      expect(stale.pullRequest?.title).toBe('Docs: payment state machine');

      // Data Center's PUT is a full replace of the reviewers: leaving them out removes them all.
      const withoutReviewers = await call<PullRequest>('erin', 'PUT', pr(8), {
        version: before.version + 1,
        draft: true,
      });
      expect(withoutReviewers.body).toMatchObject({ version: before.version + 2, draft: true, reviewers: [] });
      expect(withoutReviewers.body.title).toBe('Docs: payment state machine');
      expect(withoutReviewers.body.participants.map((p) => p.user.name).sort()).toEqual(['carol', 'dave']);
      expect((await error(call('erin', 'PUT', pr(8), { title: 'No version' }), 400)).context).toBe('version');
    });

    it('deletes with the version in the body (author or admin only); merged ones stay', async () => {
      expect((await error(call('carol', 'DELETE', pr(8), { version: 1 }), 401)).exceptionName).toBe(
        'com.atlassian.bitbucket.AuthorisationException',
      );
      expect((await error(call('erin', 'DELETE', pr(8), { version: 0 }), 409)).currentVersion).toBe(1);
      expect((await call('erin', 'DELETE', pr(8), { version: 1 })).status).toBe(204);
      expect((await error(call('erin', 'GET', pr(8)), 404)).exceptionName).toBe(
        'com.atlassian.bitbucket.pull.NoSuchPullRequestException',
      );
      expect((await error(call('bob', 'DELETE', pr(1), { version: 3 }), 409)).message).toBe(
        'This pull request has already been merged and cannot be deleted.',
      );
    });
  });

  describe('the review loop', () => {
    it('approves, needs work and unapproves through the participant status, and the reviewers show it', async () => {
      const status = async (user: Seeded, status: string, query = ''): Promise<Answer<Participant>> =>
        call<Participant>(user, 'PUT', `${pr(3)}/participants/${user}${query}`, { status });
      const approved = await status('bob', 'APPROVED', '?version=2');
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({
        user: { name: 'bob' },
        role: 'REVIEWER',
        approved: true,
        status: 'APPROVED',
      });
      expect(approved.body.lastReviewedCommit).toBe((await pullRequest(3)).fromRef.latestCommit);
      expect(reviewer(await pullRequest(3), 'bob')).toMatchObject({ approved: true, status: 'APPROVED' });

      expect((await status('bob', 'NEEDS_WORK')).body).toMatchObject({ approved: false, status: 'NEEDS_WORK' });
      expect(reviewer(await pullRequest(3), 'bob')?.status).toBe('NEEDS_WORK');
      expect((await status('bob', 'UNAPPROVED')).body.status).toBe('UNAPPROVED');
      const activities = (await get<Page<Activity>>('alice', `${pr(3)}/activities?limit=2`)).body.values;
      expect(activities.map((a) => [a.action, a.user.name])).toEqual([
        ['UNAPPROVED', 'bob'],
        ['REVIEWED', 'bob'],
      ]);

      // Someone who is not a reviewer takes part by reviewing.
      expect((await status('dave', 'APPROVED')).body).toMatchObject({ role: 'PARTICIPANT', status: 'APPROVED' });
      expect((await pullRequest(3)).participants.map((p) => [p.user.name, p.status])).toEqual([['dave', 'APPROVED']]);

      expect(
        (await error(call('alice', 'PUT', `${pr(3)}/participants/bob`, { status: 'APPROVED' }), 401)).exceptionName,
      ).toBe('com.atlassian.bitbucket.AuthorisationException');
      expect((await error(status('carol', 'APPROVED'), 400)).message).toContain('own pull request');
      expect((await error(status('bob', 'LGTM'), 400)).context).toBe('status');
      expect((await error(status('bob', 'APPROVED', '?version=0'), 409)).currentVersion).toBe(2);
      const closed = call('alice', 'PUT', `${pr(1)}/participants/alice`, { status: 'APPROVED' });
      expect((await error(closed, 409)).exceptionName).toBe(
        'com.atlassian.bitbucket.pull.IllegalPullRequestStateException',
      );
    });

    it('adds and removes reviewers through the participants, and keeps the legacy approve resource', async () => {
      const added = await call<Participant>('carol', 'POST', `${pr(3)}/participants`, {
        user: { name: 'erin' },
        role: 'REVIEWER',
      });
      expect(added.status).toBe(200);
      expect(added.body).toMatchObject({ user: { name: 'erin' }, role: 'REVIEWER', status: 'UNAPPROVED' });
      const withErin = await pullRequest(3);
      expect(withErin.version).toBe(3);
      expect(reviewer(withErin, 'erin')).toBeDefined();
      const all = (await get<Page<Participant>>('alice', `${pr(3)}/participants`)).body.values;
      expect(all.map((p) => [p.user.name, p.role])).toEqual([
        ['carol', 'AUTHOR'],
        ['alice', 'REVIEWER'],
        ['bob', 'REVIEWER'],
        ['erin', 'REVIEWER'],
      ]);
      expect((await call('carol', 'DELETE', `${pr(3)}/participants/erin`)).status).toBe(204);
      const withoutErin = await pullRequest(3);
      expect(reviewer(withoutErin, 'erin')).toBeUndefined();
      expect(withoutErin.participants.map((p) => p.user.name)).toEqual(['erin']);
      expect(
        (await error(call('carol', 'POST', `${pr(3)}/participants`, { user: { name: 'erin' }, role: 'AUTHOR' }), 400))
          .context,
      ).toBe('role');

      expect((await call<Participant>('bob', 'POST', `${pr(3)}/approve`)).body.status).toBe('APPROVED');
      expect((await call<Participant>('bob', 'DELETE', `${pr(3)}/approve`)).body.status).toBe('UNAPPROVED');
      expect((await error(call('alice', 'POST', `${pr(1)}/approve`), 409)).exceptionName).toBe(
        'com.atlassian.bitbucket.pull.IllegalPullRequestStateException',
      );
    });
  });

  describe('comments and tasks', () => {
    const FILE = 'src/webhooks/webhook.handler.ts';
    const comment = async (user: Seeded, body: unknown): Promise<Answer<Comment>> =>
      call<Comment>(user, 'POST', `${pr(4)}/comments`, body);
    const line = (line: number, lineType: string, fileType: string): Record<string, unknown> => ({
      diffType: 'EFFECTIVE',
      path: FILE,
      line,
      lineType,
      fileType,
    });

    it('adds general, line (added, removed and context side) and reply comments, and lists a file’s threads', async () => {
      const general = await comment('bob', { text: 'Looks close.' });
      expect(general.status).toBe(201);
      expect(general.body).toMatchObject({
        id: 1017,
        version: 0,
        text: 'Looks close.',
        author: { name: 'bob' },
        comments: [],
        severity: 'NORMAL',
        state: 'OPEN',
        threadResolved: false,
        permittedOperations: { editable: true, deletable: true, transitionable: true },
      });
      expect(general.body.anchor).toBeUndefined();
      const head = await pullRequest(4);
      const added = await comment('bob', { text: 'Compare in constant time: good.', anchor: line(13, 'ADDED', 'TO') });
      expect(added.body.anchor).toEqual({
        fromHash: head.toRef.latestCommit,
        toHash: head.fromRef.latestCommit,
        line: 13,
        lineType: 'ADDED',
        fileType: 'TO',
        path: FILE,
        diffType: 'EFFECTIVE',
      });
      const removed = await comment('erin', {
        text: 'The secret used to be implicit.',
        anchor: line(8, 'REMOVED', 'FROM'),
      });
      expect(removed.body.anchor).toMatchObject({ line: 8, lineType: 'REMOVED', fileType: 'FROM' });
      const context = await comment('erin', { text: 'Unchanged, but odd.', anchor: line(4, 'CONTEXT', 'TO') });
      expect(context.body.anchor).toMatchObject({ line: 4, lineType: 'CONTEXT', fileType: 'TO' });
      const reply = await comment('carol', { text: 'Agreed.', parent: { id: added.body.id } });
      expect(reply.status).toBe(201);
      expect(reply.body.anchor).toBeUndefined();
      expect(reply.body.parent).toEqual({ id: added.body.id });
      expect((await get<Comment>('alice', `${pr(4)}/comments/${reply.body.id}`)).body.parent).toEqual({
        id: added.body.id,
      });

      const threads = (await get<Page<Comment>>('alice', `${pr(4)}/comments?path=${FILE}`)).body.values;
      expect(threads.map((c) => c.id)).toEqual([1011, added.body.id, removed.body.id, context.body.id]);
      expect(threads[0]?.anchor).toMatchObject({ line: 11, lineType: 'REMOVED', fileType: 'FROM' });
      expect(threads[1]?.comments.map((c) => [c.text, c.author.name])).toEqual([['Agreed.', 'carol']]);
      // Nested under its parent, a reply does not name it again.
      expect(threads[1]?.comments[0]).not.toHaveProperty('parent');
      expect(threads[1]).not.toHaveProperty('parent');
      expect((await error(call('alice', 'GET', `${pr(4)}/comments`), 400)).context).toBe('path');
      expect((await error(comment('bob', { text: 'Where?', anchor: { path: 'nope.ts', line: 1 } }), 400)).context).toBe(
        'anchor.path',
      );
      // #3 adds files: a path the diff lacks must not land on one of them.
      const elsewhere = call('bob', 'POST', `${pr(3)}/comments`, {
        text: 'Here?',
        anchor: { path: 'nope.ts', line: 1 },
      });
      expect(await error(elsewhere, 400)).toMatchObject({
        context: 'anchor.path',
        message: "nope.ts is not part of this pull request's diff.",
      });
      expect((await error(comment('bob', { text: 'To whom?', parent: { id: 99999 } }), 404)).exceptionName).toBe(
        'com.atlassian.bitbucket.comment.NoSuchCommentException',
      );

      const activity = (await get<Page<Activity>>('alice', `${pr(4)}/activities?limit=2`)).body.values;
      expect(activity.map((a) => [a.action, a.commentAction, a.comment?.text])).toEqual([
        ['COMMENTED', 'ADDED', 'Agreed.'],
        ['COMMENTED', 'ADDED', 'Unchanged, but odd.'],
      ]);
      expect(activity[1]?.commentAnchor).toMatchObject({ path: FILE, line: 4 });
      expect(activity[0]?.comment).toMatchObject({ id: reply.body.id, parent: { id: added.body.id } });
    });

    it('edits with the comment version, resolves a thread, and deletes only childless comments of one’s own', async () => {
      const { body: created } = await comment('bob', { text: 'Typo here', anchor: line(13, 'ADDED', 'TO') });
      const url = `${pr(4)}/comments/${created.id}`;
      const edited = await call<Comment>('bob', 'PUT', url, { text: 'Typo here, see below', version: 0 });
      expect(edited.body).toMatchObject({ version: 1, text: 'Typo here, see below' });
      expect(await error(call('bob', 'PUT', url, { text: 'Again', version: 0 }), 409)).toMatchObject({
        exceptionName: 'com.atlassian.bitbucket.comment.CommentOutOfDateException',
        currentVersion: 1,
        expectedVersion: 0,
      });
      expect((await error(call('carol', 'PUT', url, { text: 'Not mine', version: 1 }), 401)).exceptionName).toBe(
        'com.atlassian.bitbucket.AuthorisationException',
      );
      expect((await error(call('bob', 'PUT', url, { text: 'No version' }), 400)).context).toBe('version');

      const { body: reply } = await comment('carol', { text: 'Fixed.', parent: { id: created.id } });
      const resolved = await call<Comment>('bob', 'PUT', url, { threadResolved: true, version: 1 });
      expect(resolved.body).toMatchObject({ version: 2, threadResolved: true });
      expect(resolved.body.comments[0]?.threadResolved).toBe(true);
      expect(resolved.body.permittedOperations.deletable).toBe(false);

      expect((await error(call('bob', 'DELETE', `${url}?version=2`), 409)).message).toContain('replies');
      const replyUrl = `${pr(4)}/comments/${reply.id}`;
      expect((await error(call('erin', 'DELETE', `${replyUrl}?version=0`), 401)).exceptionName).toBe(
        'com.atlassian.bitbucket.AuthorisationException',
      );
      expect((await error(call('carol', 'DELETE', `${replyUrl}?version=5`), 409)).currentVersion).toBe(0);
      expect((await call('carol', 'DELETE', `${replyUrl}?version=0`)).status).toBe(204);
      expect((await call('bob', 'DELETE', `${url}?version=2`)).status).toBe(204);
      expect((await error(call('bob', 'GET', url), 404)).exceptionName).toBe(
        'com.atlassian.bitbucket.comment.NoSuchCommentException',
      );
      const actions = (await get<Page<Activity>>('alice', `${pr(4)}/activities`)).body.values;
      expect(actions.some((a) => a.comment?.id === created.id || a.comment?.id === reply.id)).toBe(false);
    });

    it('keeps tasks as blocker comments: create, resolve, reopen, delete, with the counts in the properties', async () => {
      const counts = async (): Promise<[number, number]> => {
        const { properties } = await pullRequest(3);
        return [properties.openTaskCount, properties.resolvedTaskCount];
      };
      const tasks = async (states: string): Promise<number[]> =>
        (await get<Page<Comment>>('alice', `${pr(3)}/blocker-comments?states=${states}`)).body.values.map((t) => t.id);
      expect(await counts()).toEqual([1, 1]);
      expect(await tasks('OPEN')).toEqual([1009]);
      expect(await tasks('RESOLVED')).toEqual([1010]);

      const created = await call<Comment>('bob', 'POST', `${pr(3)}/blocker-comments`, {
        text: 'Mention partial refunds in the changelog',
        anchor: { path: 'docs/api.md', line: 13, lineType: 'ADDED', fileType: 'TO', diffType: 'EFFECTIVE' },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ severity: 'BLOCKER', state: 'OPEN', version: 0 });
      expect(created.body.anchor).toMatchObject({ path: 'docs/api.md', line: 13, lineType: 'ADDED' });
      expect(await counts()).toEqual([2, 1]);

      const url = `${pr(3)}/blocker-comments/${created.body.id}`;
      const resolved = await call<Comment>('carol', 'PUT', url, { state: 'RESOLVED', version: 0 });
      expect(resolved.body).toMatchObject({ state: 'RESOLVED', version: 1 });
      expect(await counts()).toEqual([1, 2]);
      expect(await tasks('RESOLVED')).toEqual([1010, created.body.id]);
      expect((await error(call('carol', 'PUT', url, { state: 'OPEN', version: 0 }), 409)).currentVersion).toBe(1);
      expect((await call<Comment>('carol', 'PUT', url, { state: 'OPEN', version: 1 })).body.state).toBe('OPEN');
      expect(await counts()).toEqual([2, 1]);
      expect((await call('bob', 'DELETE', `${url}?version=2`)).status).toBe(204);
      expect(await counts()).toEqual([1, 1]);

      const converted = await call<Comment>('alice', 'PUT', `${pr(3)}/comments/1004`, {
        severity: 'BLOCKER',
        version: 0,
      });
      expect(converted.body).toMatchObject({ severity: 'BLOCKER', state: 'OPEN' });
      expect(await tasks('OPEN')).toEqual([1004, 1009]);
      expect((await get<Comment>('alice', `${pr(3)}/blocker-comments/1004`)).body.text).toContain('Nice and small');
      expect((await error(call('alice', 'GET', `${pr(3)}/blocker-comments/1005`), 404)).exceptionName).toBe(
        'com.atlassian.bitbucket.comment.NoSuchCommentException',
      );
    });
  });

  describe('merge, decline, reopen', () => {
    it('tells whether a pull request can merge, and why not', async () => {
      expect((await get('alice', `${pr(3)}/merge`)).body).toEqual({
        canMerge: true,
        conflicted: false,
        outcome: 'CLEAN',
        vetoes: [],
      });
      const draft = await get<{ canMerge: boolean; vetoes: { summaryMessage: string }[] }>('alice', `${pr(5)}/merge`);
      expect(draft.body.canMerge).toBe(false);
      expect(draft.body.vetoes.map((v) => v.summaryMessage)).toEqual(['This pull request is a draft']);
      expect((await error(call('alice', 'POST', `${pr(5)}/merge?version=1`), 409)).exceptionName).toBe(
        'com.atlassian.bitbucket.pull.PullRequestMergeVetoedException',
      );
      expect((await error(call('alice', 'GET', `${pr(1)}/merge`), 409)).exceptionName).toBe(
        'com.atlassian.bitbucket.pull.IllegalPullRequestStateException',
      );
    });

    it('merges with the version and a strategy, writing the merge commit onto the target branch', async () => {
      const before = await pullRequest(3);
      expect(await error(call('alice', 'POST', `${pr(3)}/merge?version=1`), 409)).toMatchObject({
        exceptionName: 'com.atlassian.bitbucket.pull.PullRequestOutOfDateException',
        currentVersion: 2,
        expectedVersion: 1,
      });
      const merged = await call<PullRequest>('alice', 'POST', `${pr(3)}/merge?version=2`, {
        strategyId: 'no-ff',
        message: 'Ship refunds',
      });
      expect(merged.status).toBe(200);
      expect(merged.body).toMatchObject({ state: 'MERGED', open: false, closed: true, version: 3 });
      expect(merged.body.closedDate).toBeGreaterThanOrEqual(before.updatedDate);
      expect(merged.body.toRef.latestCommit).not.toBe(before.toRef.latestCommit);
      expect(merged.body.fromRef.latestCommit).toBe(before.fromRef.latestCommit);
      interface Commit {
        id: string;
        message: string;
        parents: { id: string }[];
        author: { name: string };
      }
      const commit = async (id: string): Promise<Commit> => (await get<Commit>('alice', `${REPO}/commits/${id}`)).body;
      const mergeCommit = await commit(merged.body.toRef.latestCommit);
      expect(mergeCommit.parents.map((p) => p.id)).toEqual([before.toRef.latestCommit, before.fromRef.latestCommit]);
      expect(mergeCommit.message).toBe(
        'Merge pull request #3 in PLAT/payments-api from feature/refunds to main\n\nShip refunds',
      );
      expect(mergeCommit.author.name).toBe('alice');
      expect((await error(call('alice', 'POST', `${pr(3)}/merge`), 409)).message).toContain('not open');
      const activity = (await get<Page<Activity>>('alice', `${pr(3)}/activities?limit=1`)).body.values[0];
      expect(activity).toMatchObject({ action: 'MERGED', user: { name: 'alice' } });

      // #4 started before the merge: it cannot fast-forward any more, but it can be squashed.
      expect((await error(call('alice', 'POST', `${pr(4)}/merge`, { strategyId: 'ff-only' }), 409)).message).toContain(
        'fast-forward',
      );
      expect((await error(call('alice', 'POST', `${pr(4)}/merge`, { strategyId: 'octopus' }), 400)).context).toBe(
        'strategyId',
      );
      const squashed = await call<PullRequest>('alice', 'POST', `${pr(4)}/merge`, { version: 2, strategyId: 'squash' });
      expect(squashed.body.state).toBe('MERGED');
      const squashCommit = await commit(squashed.body.toRef.latestCommit);
      expect(squashCommit.parents.map((p) => p.id)).toEqual([merged.body.toRef.latestCommit]);
      expect(squashCommit.message.split('\n')[0]).toBe('Pull request #4: Webhook signature verification');
      const open = ids((await get<Page<PullRequest>>('alice', `${REPO}/pull-requests`)).body);
      expect(open).toEqual([8, 5]);
    });

    it('declines and reopens against the version', async () => {
      expect((await error(call('erin', 'POST', `${pr(8)}/decline?version=0`), 409)).currentVersion).toBe(1);
      const declined = await call<PullRequest>('erin', 'POST', `${pr(8)}/decline?version=1`, { comment: 'Later.' });
      expect(declined.body).toMatchObject({ state: 'DECLINED', open: false, closed: true, version: 2 });
      expect((await error(call('erin', 'POST', `${pr(8)}/decline`), 409)).exceptionName).toBe(
        'com.atlassian.bitbucket.pull.IllegalPullRequestStateException',
      );
      expect((await error(call('erin', 'POST', `${pr(8)}/reopen?version=1`), 409)).expectedVersion).toBe(1);
      const reopened = await call<PullRequest>('erin', 'POST', `${pr(8)}/reopen`, { version: 2 });
      expect(reopened.body).toMatchObject({ state: 'OPEN', open: true, version: 3 });
      expect(reopened.body.closedDate).toBeUndefined();
      expect((await error(call('erin', 'POST', `${pr(8)}/reopen`), 409)).message).toContain('declined');
      const actions = (await get<Page<Activity>>('alice', `${pr(8)}/activities`)).body.values.map((a) => a.action);
      expect(actions).toEqual(['REOPENED', 'DECLINED', 'OPENED']);
    });
  });

  describe('changes and activity', () => {
    it('serves the raw diff at {id}.diff and the commits of the pull request', async () => {
      const raw = await call('alice', 'GET', `${pr(4)}.diff`);
      expect(raw.status).toBe(200);
      expect(raw.contentType).toContain('text/plain');
      expect(
        raw.text.startsWith('diff --git a/src/webhooks/webhook.handler.ts b/src/webhooks/webhook.handler.ts\n'),
      ).toBe(true);
      expect(raw.text).toContain('\n+  const body = Buffer.concat(chunks);\n');
      expect(raw.text).toContain('\n   readonly paymentId: string;\n');
      const tight = await call(
        'alice',
        'GET',
        `/rest/api/1.0/projects/PLAT/repos/payments-api/pull-requests/4.diff?contextLines=0`,
      );
      expect(tight.text).not.toContain('\n   readonly paymentId: string;\n');
      expect((await error(call('alice', 'GET', `${pr(99)}.diff`), 404)).exceptionName).toBe(
        'com.atlassian.bitbucket.pull.NoSuchPullRequestException',
      );

      const commits = await get<Page<{ message: string; author: { name: string } }> & { totalCount: number }>(
        'alice',
        `${pr(3)}/commits?withCounts=true`,
      );
      expect(commits.body.values.map((c) => c.message)).toEqual([
        'Document refunds',
        'Refuse refunds above the captured amount',
        'Add refund service',
      ]);
      expect(commits.body).toMatchObject({ totalCount: 3, authorCount: 1 });
    });

    it('serves the effective diff as RestDiff (or raw text on request) and the changed files', async () => {
      const head = await pullRequest(3);
      interface Diff {
        fromHash: string;
        toHash: string;
        contextLines: number;
        diffs: {
          source: { toString: string } | null;
          destination: { toString: string } | null;
          hunks: { segments: { type: string; lines: { source: number; destination: number; line: string }[] }[] }[];
        }[];
      }
      const whole = await get<Diff>('alice', `${pr(3)}/diff`);
      expect(whole.status).toBe(200);
      expect(whole.body).toMatchObject({
        fromHash: head.toRef.latestCommit,
        toHash: head.fromRef.latestCommit,
        contextLines: 10,
      });
      expect(whole.body.diffs.map((d) => [d.source?.toString ?? null, d.destination?.toString])).toEqual([
        ['docs/api.md', 'docs/api.md'],
        [null, 'src/refunds/refund.service.ts'],
      ]);
      const file = await get<Diff>('alice', `${pr(4)}/diff/src/webhooks/webhook.handler.ts?contextLines=0`);
      expect(file.body.diffs).toHaveLength(1);
      const segments = file.body.diffs[0]?.hunks.flatMap((h) => h.segments) ?? [];
      expect(segments.map((s) => s.type)).toContain('REMOVED');
      expect(segments.find((s) => s.type === 'ADDED')?.lines[0]).toEqual({
        source: 1,
        destination: 1,
        line: "import { createHmac, timingSafeEqual } from 'node:crypto';",
        truncated: false,
      });
      const raw = await fetch(`${fake.url}${pr(4)}/diff/src/webhooks/webhook.handler.ts`, {
        headers: { Authorization: basicAuth('alice', 'alice-password'), Accept: 'text/plain' },
      });
      expect(raw.headers.get('content-type')).toContain('text/plain');
      expect(await raw.text()).toBe((await call('alice', 'GET', `${pr(4)}.diff`)).text);

      const changes = await get<Page<{ path: { toString: string }; type: string }> & { toHash: string }>(
        'alice',
        `${pr(3)}/changes`,
      );
      expect(changes.body.values.map((c) => [c.path.toString, c.type])).toEqual([
        ['docs/api.md', 'MODIFY'],
        ['src/refunds/refund.service.ts', 'ADD'],
      ]);
      expect(changes.body.toHash).toBe(head.fromRef.latestCommit);
    });

    it('lists the activity newest first, with the comments it carries', async () => {
      const { body } = await get<Page<Activity>>('alice', `${pr(3)}/activities`);
      expect(body.values.map((a) => a.action)).toEqual([...Array<string>(7).fill('COMMENTED'), 'APPROVED', 'OPENED']);
      const dates = body.values.map((a) => a.createdDate);
      expect([...dates].sort((a, b) => b - a)).toEqual(dates);
      expect(body.values[0]?.comment).toMatchObject({
        text: 'Document refunds in docs/api.md',
        severity: 'BLOCKER',
        state: 'RESOLVED',
      });
      const inline = body.values.find((a) => a.comment?.id === 1007);
      expect(inline?.commentAnchor).toMatchObject({
        path: 'src/refunds/refund.service.ts',
        line: 14,
        lineType: 'ADDED',
      });
      expect(body.values.at(-1)?.user.name).toBe('carol');
    });
  });

  it('answers unknown pull requests and comments with Data Center’s 404s, and anonymous calls with its 401', async () => {
    expect((await call('alice', 'GET', pr(99))).body).toEqual({
      errors: [
        {
          context: null,
          message: 'Pull request 99 does not exist in PLAT/payments-api.',
          exceptionName: 'com.atlassian.bitbucket.pull.NoSuchPullRequestException',
        },
      ],
    });
    expect((await error(call('alice', 'GET', pr('abc')), 404)).exceptionName).toBe(
      'com.atlassian.bitbucket.pull.NoSuchPullRequestException',
    );
    expect((await error(call('alice', 'POST', `${pr(99)}/comments`, { text: 'Hello?' }), 404)).message).toContain('99');
    expect(
      (await error(call('alice', 'GET', `${API}/projects/PLAT/repos/nope/pull-requests`), 404)).exceptionName,
    ).toBe('com.atlassian.bitbucket.repository.NoSuchRepositoryException');
    expect((await error(call('frank', 'GET', pr(3)), 404)).exceptionName).toBe(
      'com.atlassian.bitbucket.project.NoSuchProjectException',
    );
    const anonymous = await error(call('nobody', 'GET', `${REPO}/pull-requests`), 401);
    expect(anonymous.exceptionName).toBe('com.atlassian.bitbucket.AuthorisationException');
    expect((await error(call('nobody', 'GET', `${API}/inbox/pull-requests`), 401)).context).toBeNull();
  });
});
