import type { CloudAccountJson } from './cloud-json';
import type { CloudActivityJson, CloudCommentJson, CloudPullRequestJson } from './cloud-review-json';
import { cloudReviewMappers } from './cloud-review-mappers';

const account = (name: string): CloudAccountJson => ({
  display_name: `${name} Display`,
  uuid: `{${name}-uuid}`,
  nickname: name,
  account_id: `${name}-account`,
  links: { html: { href: `https://bitbucket.org/%7B${name}-uuid%7D/` } },
});

const comment = (id: number, extra: Partial<CloudCommentJson> = {}): CloudCommentJson => ({
  id,
  content: { raw: `comment ${id}` },
  user: account('alice'),
  created_on: '2020-12-27T21:01:34.686441+00:00',
  updated_on: '2020-12-27T21:01:34.688395+00:00',
  deleted: false,
  ...extra,
});

describe('cloudReviewMappers', () => {
  it('maps a recorded-looking pull request: state, branches, counts, and reviewers from participants and reviewers', () => {
    const json: CloudPullRequestJson = {
      id: 1,
      title: 'PRTitle',
      description: 'PRDescription',
      state: 'SUPERSEDED',
      author: account('bob'),
      source: {
        branch: { name: 'feature/x' },
        commit: { hash: '16182c4698fb' },
        repository: { full_name: 'fork-owner/testrepository1' },
      },
      destination: {
        branch: { name: 'master' },
        commit: { hash: '1fbd047cd123' },
        repository: { full_name: 'TestWorkspace1/testrepository1' },
      },
      participants: [
        { user: account('alice'), role: 'REVIEWER', approved: true, state: 'approved' },
        { user: account('carol'), role: 'PARTICIPANT', approved: false, state: 'changes_requested' },
      ],
      reviewers: [account('alice'), account('dave')],
      created_on: '2020-12-27T20:29:21.593140+00:00',
      updated_on: '2020-12-28T20:29:21.593140+00:00',
      closed_by: account('bob'),
      merge_commit: null,
      comment_count: 4,
      task_count: 2,
      links: { html: { href: 'https://bitbucket.org/TestWorkspace1/testrepository1/pull-requests/1' } },
    };
    const pr = cloudReviewMappers.pullRequest(json);
    expect(pr).toMatchObject({
      state: 'SUPERSEDED',
      draft: false,
      sourceBranch: 'feature/x',
      sourceCommit: '16182c4698fb',
      sourceRepository: 'fork-owner/testrepository1',
      destinationBranch: 'master',
      commentCount: 4,
      openTaskCount: 2,
      closedBy: { name: 'bob' },
      url: 'https://bitbucket.org/TestWorkspace1/testrepository1/pull-requests/1',
    });
    expect(pr.mergeCommit).toBeUndefined();
    expect(pr.reviewers.map((r) => [r.user.id, r.role, r.status])).toEqual([
      ['{alice-uuid}', 'reviewer', 'approved'],
      ['{carol-uuid}', 'participant', 'changes_requested'],
      ['{dave-uuid}', 'reviewer', 'none'],
    ]);
    expect(cloudReviewMappers.pullRequest({ id: 2, state: 'OPEN' }).sourceRepository).toBeUndefined();
  });

  it('anchors inline comments: `to` on the new side, `from` on the old side, none without a line', () => {
    const anchored = (inline: CloudCommentJson['inline']): unknown =>
      cloudReviewMappers.comment(comment(1, { inline })).inline;
    expect(anchored({ path: 'src/a.ts', from: null, to: 12 })).toEqual({ path: 'src/a.ts', line: 12, side: 'new' });
    expect(anchored({ path: 'src/a.ts', from: 211, to: null })).toEqual({ path: 'src/a.ts', line: 211, side: 'old' });
    expect(anchored({ path: 'src/a.ts', from: 7, to: 9 })).toEqual({ path: 'src/a.ts', line: 9, side: 'new' });
    expect(anchored({ path: 'src/a.ts', from: null, to: null })).toBeUndefined();
    expect(anchored(undefined)).toBeUndefined();
  });

  it('assembles threads from a flat page, keeping its order, nesting replies at any depth', () => {
    const threads = cloudReviewMappers.threads([
      comment(10),
      comment(11, { parent: { id: 10 } }),
      comment(12, { inline: { path: 'a.ts', to: 3 }, resolution: { created_on: '2021-01-01T00:00:00+00:00' } }),
      comment(13, { parent: { id: 11 } }),
      comment(14, { parent: { id: 10 }, deleted: true, content: { raw: 'gone' } }),
      comment(15, { parent: { id: 9 } }),
    ]);
    expect(threads.map((t) => t.id)).toEqual([10, 12, 15]);
    const [first, second, orphan] = threads;
    expect(first?.replies.map((r) => r.id)).toEqual([11, 14]);
    expect(first?.replies[0]?.replies.map((r) => r.id)).toEqual([13]);
    expect(first?.replies[1]).toMatchObject({ deleted: true, text: '', parentId: 10 });
    expect(second).toMatchObject({ resolved: true, inline: { path: 'a.ts', line: 3, side: 'new' }, replies: [] });
    expect(first?.resolved).toBe(false);
    expect(orphan).toMatchObject({ parentId: 9, replies: [] });
  });

  it('maps tasks: UNRESOLVED is OPEN, with the comment they hang off', () => {
    expect(
      cloudReviewMappers.task({
        id: 123456,
        state: 'UNRESOLVED',
        content: { raw: 'ToDo 1' },
        creator: account('alice'),
        created_on: '2021-10-19T20:20:49.288763+00:00',
        comment: { id: 7 },
      }),
    ).toEqual({
      id: 123456,
      text: 'ToDo 1',
      state: 'OPEN',
      author: expect.objectContaining({ name: 'alice' }) as unknown,
      createdOn: '2021-10-19T20:20:49.288763+00:00',
      commentId: 7,
    });
    expect(cloudReviewMappers.task({ id: 1, state: 'RESOLVED' }).state).toBe('RESOLVED');
  });

  it('maps activity entries; the last entry of the last page is the opening update', () => {
    const update = (state: string, changes?: Record<string, unknown>): CloudActivityJson => ({
      update: { state, date: '2019-05-10T06:48:25.305565+00:00', author: account('bob'), title: 'T', changes },
    });
    const entries: CloudActivityJson[] = [
      { comment: comment(5) },
      { approval: { date: '2019-09-27T00:37:19.849534+00:00', user: account('alice') } },
      { changes_requested: { date: '2019-09-27T00:37:19.849534+00:00', user: account('carol') } },
      update('MERGED'),
      update('SUPERSEDED'),
      update('OPEN', { title: { old: 'a', new: 'b' }, reviewers: {} }),
      {},
      update('OPEN'),
    ];
    const mapped = cloudReviewMappers.activities(entries, true);
    expect(mapped.map((a) => [a.type, a.user.name, a.detail])).toEqual([
      ['commented', 'alice', 'comment 5'],
      ['approved', 'alice', undefined],
      ['changes_requested', 'carol', undefined],
      ['merged', 'bob', undefined],
      ['declined', 'bob', 'superseded'],
      ['updated', 'bob', 'title, reviewers'],
      ['opened', 'bob', 'T'],
    ]);
    expect(mapped[0]?.commentId).toBe(5);
    expect(cloudReviewMappers.activities([update('OPEN')], false).map((a) => a.type)).toEqual(['updated']);
  });
});
