import type { BitbucketClient } from '@app/bitbucket';
import { bitbucketModelFixture, toolContextFixture } from '@app/testing';
import { ListTasksTool } from './list-tasks.tool';

const { task } = bitbucketModelFixture;

describe('list_tasks', () => {
  it('gives one line per task with its state and the comment it hangs off', async () => {
    const listTasks = jest.fn(async (..._args: Parameters<BitbucketClient['listTasks']>) =>
      Promise.resolve({
        items: [
          task({ id: 1009, text: 'Add tests for\npartial refunds', commentId: 1004 }),
          task({ id: 1010, text: 'Document refunds', state: 'RESOLVED' }),
        ],
        cursor: 'more',
      }),
    );
    const tool = new ListTasksTool({ listTasks } as unknown as BitbucketClient);
    const context = toolContextFixture();
    const listing = await tool.run({ workspace: 'acme', repo: 'payments-api', pullRequestId: 3, limit: 5 }, context);
    expect(listTasks.mock.calls[0]?.slice(1)).toEqual([{ id: 3 }, { signal: context.signal, limit: 5 }]);
    expect(listing.items).toEqual([
      {
        id: 1009,
        text: 'Add tests for\npartial refunds',
        state: 'OPEN',
        author: 'alice',
        createdOn: '2026-03-11T07:15:00.000Z',
        commentId: 1004,
      },
      { id: 1010, text: 'Document refunds', state: 'RESOLVED', author: 'alice', createdOn: '2026-03-11T07:15:00.000Z' },
    ]);
    expect(tool.render(listing, context).split('\n')).toEqual([
      '#1009 OPEN alice 2026-03-11: Add tests for partial refunds tools.TASK_ON_COMMENT {"commentId":1004}',
      '#1010 RESOLVED alice 2026-03-11: Document refunds',
      'tools.MORE_PAGES {"cursor":"more"}',
    ]);
  });
});
