import type { DatacenterRepositoryJson, DatacenterUserJson } from './datacenter-json';
import type {
  DatacenterActivityJson,
  DatacenterCommentJson,
  DatacenterDiffJson,
  DatacenterPullRequestJson,
} from './datacenter-review-json';
import { datacenterReviewMappers } from './datacenter-review-mappers';

const user = (slug: string): DatacenterUserJson => ({
  name: slug,
  slug,
  displayName: `${slug} Display`,
  emailAddress: `${slug}@example.com`,
  id: 1,
});

const repository = (key: string, slug: string): DatacenterRepositoryJson => ({ slug, project: { key } });

/** 2017-03-16T17:21:32.050Z, as recorded in `dc-pull-request-activities.json`. */
const RECORDED_MS = 1489684892050;

const comment = (id: number, extra: Partial<DatacenterCommentJson> = {}): DatacenterCommentJson => ({
  id,
  version: 0,
  text: `comment ${id}`,
  author: user('admin'),
  createdDate: RECORDED_MS + id,
  updatedDate: RECORDED_MS + id,
  comments: [],
  severity: 'NORMAL',
  state: 'OPEN',
  ...extra,
});

const commented = (json: DatacenterCommentJson, commentAction = 'ADDED'): DatacenterActivityJson => ({
  id: json.id + 100,
  createdDate: json.createdDate,
  user: json.author,
  action: 'COMMENTED',
  commentAction,
  comment: json,
});

describe('datacenterReviewMappers', () => {
  it('maps a recorded-looking pull request: epoch dates, branches, fork, reviews and counts', () => {
    const json: DatacenterPullRequestJson = {
      id: 101,
      version: 3,
      title: 'Talking Nerdy',
      description: "It's a kludge.",
      state: 'MERGED',
      draft: false,
      createdDate: RECORDED_MS,
      updatedDate: RECORDED_MS + 1000,
      closedDate: RECORDED_MS + 2000,
      fromRef: {
        id: 'refs/heads/feature/x',
        displayId: 'feature/x',
        latestCommit: 'babecafe',
        repository: repository('~BOB', 'dev'),
      },
      toRef: { id: 'refs/heads/master', latestCommit: 'deadbeef', repository: repository('TES', 'dev') },
      author: { user: user('bob'), role: 'AUTHOR', approved: false, status: 'UNAPPROVED' },
      reviewers: [
        { user: user('alice'), role: 'REVIEWER', approved: true, status: 'APPROVED' },
        { user: user('carol'), role: 'REVIEWER', approved: false, status: 'NEEDS_WORK' },
      ],
      participants: [{ user: user('dave'), role: 'PARTICIPANT', approved: false, status: 'UNAPPROVED' }],
      properties: { openTaskCount: 2 },
      links: { self: [{ href: 'https://bitbucket.example.com/projects/TES/repos/dev/pull-requests/101' }] },
    };
    const pr = datacenterReviewMappers.pullRequest(json);
    expect(pr).toMatchObject({
      id: 101,
      version: 3,
      state: 'MERGED',
      author: { id: 'bob', name: 'bob', displayName: 'bob Display' },
      sourceBranch: 'feature/x',
      sourceCommit: 'babecafe',
      sourceRepository: '~BOB/dev',
      destinationBranch: 'master',
      destinationCommit: 'deadbeef',
      createdOn: '2017-03-16T17:21:32.050Z',
      updatedOn: '2017-03-16T17:21:33.050Z',
      closedOn: '2017-03-16T17:21:34.050Z',
      commentCount: 0,
      openTaskCount: 2,
      url: 'https://bitbucket.example.com/projects/TES/repos/dev/pull-requests/101',
    });
    expect(pr.reviewers.map((r) => [r.user.id, r.role, r.status])).toEqual([
      ['alice', 'reviewer', 'approved'],
      ['carol', 'reviewer', 'changes_requested'],
      ['dave', 'participant', 'none'],
    ]);

    const bare = datacenterReviewMappers.pullRequest({ id: 2, state: 'OPEN', toRef: { id: 'refs/heads/main' } });
    expect(bare).toMatchObject({ description: '', destinationBranch: 'main', createdOn: '', updatedOn: '' });
    expect(bare.sourceRepository).toBeUndefined();
    expect(bare.commentCount).toBeUndefined();
    expect(bare.closedOn).toBeUndefined();
  });

  it('anchors line comments on the new side (TO) or the old side (FROM); file comments have no line', () => {
    const anchored = (anchor: DatacenterCommentJson['anchor']): unknown =>
      datacenterReviewMappers.comment(comment(1, { anchor })).inline;
    expect(anchored({ path: 'hej', line: 2, lineType: 'ADDED', fileType: 'TO' })).toEqual({
      path: 'hej',
      line: 2,
      side: 'new',
    });
    expect(anchored({ path: 'hej', line: 8, lineType: 'REMOVED', fileType: 'FROM' })).toEqual({
      path: 'hej',
      line: 8,
      side: 'old',
    });
    expect(anchored({ path: 'hej', line: 4, lineType: 'CONTEXT', fileType: 'FROM' })).toMatchObject({ side: 'old' });
    expect(anchored({ path: 'hej', line: 4, lineType: 'CONTEXT', fileType: 'TO' })).toMatchObject({ side: 'new' });
    expect(anchored({ path: 'hej', line: 8, lineType: 'REMOVED' })).toMatchObject({ side: 'old' });
    expect(anchored({ path: 'hej' })).toBeUndefined();
    expect(anchored(undefined)).toBeUndefined();
  });

  it('maps a comment with nested replies that name their parent, and its thread resolution', () => {
    const mapped = datacenterReviewMappers.comment(
      comment(4, {
        threadResolved: true,
        updatedDate: RECORDED_MS + 60_000,
        comments: [comment(5, { comments: [comment(6)] })],
      }),
    );
    expect(mapped).toMatchObject({
      id: 4,
      resolved: true,
      deleted: false,
      version: 0,
      createdOn: '2017-03-16T17:21:32.054Z',
      updatedOn: '2017-03-16T17:22:32.050Z',
    });
    expect(mapped.parentId).toBeUndefined();
    expect(mapped.replies.map((r) => [r.id, r.parentId])).toEqual([[5, 4]]);
    expect(mapped.replies[0]?.replies.map((r) => [r.id, r.parentId])).toEqual([[6, 5]]);
    expect(datacenterReviewMappers.comment(comment(7), 4).parentId).toBe(4);
    expect(datacenterReviewMappers.comment(comment(8, { parent: { id: 3 } })).parentId).toBe(3);
  });

  it('assembles threads from the activity stream: roots only, oldest first, latest state, no tasks', () => {
    const reply = comment(12, { text: 'reply' });
    const root = comment(10, { comments: [reply] });
    const activities: DatacenterActivityJson[] = [
      commented(comment(13, { text: 'edited text' }), 'EDITED'),
      commented(reply),
      commented(comment(14, { severity: 'BLOCKER' })),
      { id: 1, action: 'APPROVED', user: user('alice'), createdDate: RECORDED_MS },
      commented(comment(13, { text: 'first text' })),
      commented(root),
      commented(comment(11), 'DELETED'),
    ];
    const threads = datacenterReviewMappers.threads(activities);
    expect(threads.map((t) => [t.id, t.text])).toEqual([
      [10, 'comment 10'],
      [13, 'edited text'],
    ]);
    expect(threads[0]?.replies.map((r) => [r.id, r.parentId])).toEqual([[12, 10]]);
    expect(datacenterReviewMappers.threads([])).toEqual([]);
  });

  it('maps tasks: BLOCKER comments with their state, hanging off a comment when they reply to one', () => {
    expect(datacenterReviewMappers.task(comment(1465, { severity: 'BLOCKER', state: 'RESOLVED' }))).toEqual({
      id: 1465,
      text: 'comment 1465',
      state: 'RESOLVED',
      author: expect.objectContaining({ name: 'admin' }) as unknown,
      createdOn: '2017-03-16T17:21:33.515Z',
      version: 0,
    });
    expect(datacenterReviewMappers.task(comment(1, { severity: 'BLOCKER' }), 9)).toMatchObject({
      state: 'OPEN',
      commentId: 9,
    });
    expect(datacenterReviewMappers.task(comment(2, { parent: { id: 7 } })).commentId).toBe(7);
  });

  it('maps activity actions (REVIEWED is a change request), keeping comments and unknown actions', () => {
    const at = (action: string): DatacenterActivityJson => ({ id: 1, action, user: user('bob'), createdDate: 0 });
    expect(
      ['OPENED', 'UPDATED', 'RESCOPED', 'APPROVED', 'REVIEWED', 'UNAPPROVED', 'MERGED', 'DECLINED', 'REOPENED'].map(
        (action) => datacenterReviewMappers.activity(at(action)).type,
      ),
    ).toEqual([
      'opened',
      'updated',
      'rescoped',
      'approved',
      'changes_requested',
      'unapproved',
      'merged',
      'declined',
      'reopened',
    ]);
    expect(datacenterReviewMappers.activity(at('AUTO_MERGE_REQUESTED'))).toEqual({
      type: 'other',
      user: expect.objectContaining({ name: 'bob' }) as unknown,
      date: '1970-01-01T00:00:00.000Z',
    });
    expect(datacenterReviewMappers.activity(commented(comment(1465, { text: 'fdasfdsa' })))).toMatchObject({
      type: 'commented',
      detail: 'fdasfdsa',
      commentId: 1465,
    });
  });

  it('builds a line anchor from the diff: the line kind on the chosen side, CONTEXT when unchanged', () => {
    const diff: DatacenterDiffJson = {
      fromHash: 'aaa',
      toHash: 'bbb',
      diffs: [
        {
          source: { components: ['src', 'old-name.ts'] },
          hunks: [
            {
              segments: [
                { type: 'CONTEXT', lines: [{ source: 1, destination: 1 }] },
                { type: 'REMOVED', lines: [{ source: 2, destination: 2 }] },
                { type: 'ADDED', lines: [{ source: 3, destination: 2 }] },
                { type: 'CONTEXT', lines: [{ source: 3, destination: 3 }] },
              ],
            },
          ],
        },
      ],
    };
    const anchor = (side: 'new' | 'old', line: number): Record<string, unknown> =>
      datacenterReviewMappers.commentAnchor({ path: 'src/new-name.ts', line, side }, diff);
    expect(anchor('new', 2)).toEqual({
      diffType: 'EFFECTIVE',
      path: 'src/new-name.ts',
      srcPath: 'src/old-name.ts',
      line: 2,
      lineType: 'ADDED',
      fileType: 'TO',
      fromHash: 'aaa',
      toHash: 'bbb',
    });
    expect(anchor('old', 2)).toMatchObject({ line: 2, lineType: 'REMOVED', fileType: 'FROM' });
    expect(anchor('new', 3)).toMatchObject({ lineType: 'CONTEXT', fileType: 'TO' });
    expect(anchor('old', 3)).toMatchObject({ lineType: 'CONTEXT', fileType: 'FROM' });
    expect(anchor('new', 40)).toMatchObject({ lineType: 'CONTEXT', fileType: 'TO' });
    const same = datacenterReviewMappers.commentAnchor(
      { path: 'src/old-name.ts', line: 1, side: 'new' },
      { diffs: [{ source: { components: ['src', 'old-name.ts'] } }] },
    );
    expect(same).toEqual({
      diffType: 'EFFECTIVE',
      path: 'src/old-name.ts',
      line: 1,
      lineType: 'CONTEXT',
      fileType: 'TO',
    });
  });
});
