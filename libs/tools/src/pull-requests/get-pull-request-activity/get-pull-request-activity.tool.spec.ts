import type { BbActivity, BitbucketClient } from '@app/bitbucket';
import { bitbucketModelFixture, toolContextFixture } from '@app/testing';
import { GetPullRequestActivityTool } from './get-pull-request-activity.tool';

const { user } = bitbucketModelFixture;
const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: 3 };

describe('get_pull_request_activity', () => {
  it('gives one line per event, comment excerpts flattened and capped, with the comment id', async () => {
    const long = `First line\n\n${'word '.repeat(100)}`;
    const activity: BbActivity[] = [
      { type: 'commented', user: user('alice'), date: '2026-03-11T03:00:00.000Z', detail: long, commentId: 1004 },
      { type: 'updated', user: user('carol'), date: '2026-03-10T09:00:00.000Z', detail: 'title, reviewers' },
      { type: 'approved', user: user('alice'), date: '2026-03-09T08:00:00.000Z' },
      { type: 'opened', user: user('carol'), date: '2026-03-09T07:30:00.000Z', detail: '' },
    ];
    const listPullRequestActivity = jest.fn(async (..._args: Parameters<BitbucketClient['listPullRequestActivity']>) =>
      Promise.resolve({ items: activity }),
    );
    const tool = new GetPullRequestActivityTool({ listPullRequestActivity } as unknown as BitbucketClient);
    const context = toolContextFixture();
    const listing = await tool.run(args, context);
    const detail = listing.items[0]?.detail ?? '';
    expect(detail.length).toBe(200);
    expect(detail.startsWith('First line word word')).toBe(true);
    expect(detail.endsWith('…')).toBe(true);
    expect(listing.items.slice(1)).toEqual([
      { type: 'updated', user: 'carol', date: '2026-03-10T09:00:00.000Z', detail: 'title, reviewers' },
      { type: 'approved', user: 'alice', date: '2026-03-09T08:00:00.000Z' },
      { type: 'opened', user: 'carol', date: '2026-03-09T07:30:00.000Z' },
    ]);
    expect(tool.render(listing, context).split('\n')).toEqual([
      `2026-03-11 03:00 alice commented #1004: ${detail}`,
      '2026-03-10 09:00 carol updated: title, reviewers',
      '2026-03-09 08:00 alice approved',
      '2026-03-09 07:30 carol opened',
    ]);
  });
});
