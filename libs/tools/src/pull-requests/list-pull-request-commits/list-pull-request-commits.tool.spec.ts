import type { BbCommit, BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { ListPullRequestCommitsTool } from './list-pull-request-commits.tool';

const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: 3 };

const commit = (hash: string, message: string): BbCommit => ({
  hash,
  message,
  authorName: 'carol',
  authorEmail: 'carol@acme.example',
  date: '2026-03-04T10:00:00.000Z',
  parents: [],
});

describe('list_pull_request_commits', () => {
  it('gives the short hash, date, author as git recorded it, and first line of each commit', async () => {
    const listPullRequestCommits = jest.fn(async (..._args: Parameters<BitbucketClient['listPullRequestCommits']>) =>
      Promise.resolve({
        items: [
          commit('0217274cc9a7f3e1d2c4b5a6978812345678abcd', 'Document refunds\n\nWith examples.\n'),
          commit('984a45f2c364aaaabbbbccccddddeeeeffff0000', 'Add refund service'),
        ],
        cursor: 'more',
      }),
    );
    const tool = new ListPullRequestCommitsTool({ listPullRequestCommits } as unknown as BitbucketClient);
    const context = toolContextFixture();
    const listing = await tool.run({ ...args, limit: 2 }, context);
    expect(listPullRequestCommits.mock.calls[0]?.slice(1)).toEqual([{ id: 3 }, { signal: context.signal, limit: 2 }]);
    expect(listing.items[0]).toEqual({
      hash: '0217274cc9a7f3e1d2c4b5a6978812345678abcd',
      summary: 'Document refunds',
      author: 'carol',
      date: '2026-03-04T10:00:00.000Z',
    });
    expect(tool.render(listing, context).split('\n')).toEqual([
      '0217274cc9a7 2026-03-04 carol: Document refunds',
      '984a45f2c364 2026-03-04 carol: Add refund service',
      'tools.MORE_PAGES {"cursor":"more"}',
    ]);
  });
});
