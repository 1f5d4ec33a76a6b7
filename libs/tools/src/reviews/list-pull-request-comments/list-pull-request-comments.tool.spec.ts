import type { BbComment, BbPage, BitbucketClient } from '@app/bitbucket';
import { bitbucketModelFixture, toolContextFixture } from '@app/testing';
import { ListPullRequestCommentsTool } from './list-pull-request-comments.tool';

const { comment, user } = bitbucketModelFixture;
const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: 3 };
const anchor = { path: 'src/refunds/refund.service.ts', line: 14, side: 'new' as const };

/** payments-api #3 as the gateway returns it: two threads, the second on a line, one reply resolved. */
const threads: BbComment[] = [
  comment({
    id: 1004,
    text: 'Nice and small.\nTwo things.',
    replies: [
      comment({
        id: 1005,
        parentId: 1004,
        author: user('carol'),
        text: 'Thanks!',
        replies: [comment({ id: 1006, parentId: 1005, text: 'Approved.' })],
      }),
    ],
  }),
  comment({
    id: 1007,
    author: user('bob'),
    text: 'Should `refund` be idempotent?',
    inline: anchor,
    replies: [
      comment({ id: 1008, parentId: 1007, author: user('carol'), text: 'With #5.', inline: anchor, resolved: true }),
      comment({
        id: 1017,
        parentId: 1007,
        text: '',
        deleted: true,
        inline: { path: 'docs/api.md', line: 3, side: 'old' },
      }),
    ],
  }),
];

function setup(page: BbPage<BbComment>) {
  const listComments = jest.fn(async (..._args: Parameters<BitbucketClient['listComments']>) => Promise.resolve(page));
  return { tool: new ListPullRequestCommentsTool({ listComments } as unknown as BitbucketClient), listComments };
}

describe('list_pull_request_comments', () => {
  it('flattens threads in reading order with depth and parent, the anchor only where it changes', async () => {
    const { tool, listComments } = setup({ items: threads, cursor: 'more' });
    const context = toolContextFixture();
    const listing = await tool.run({ ...args, limit: 10 }, context);
    expect(listComments.mock.calls[0]?.slice(1)).toEqual([{ id: 3 }, { signal: context.signal, limit: 10 }]);
    expect(listing.items.map((c) => [c.id, c.depth, c.parentId, c.path, c.line, c.side])).toEqual([
      [1004, 0, undefined, undefined, undefined, undefined],
      [1005, 1, 1004, undefined, undefined, undefined],
      [1006, 2, 1005, undefined, undefined, undefined],
      [1007, 0, undefined, 'src/refunds/refund.service.ts', 14, 'new'],
      [1008, 1, 1007, undefined, undefined, undefined],
      [1017, 1, 1007, 'docs/api.md', 3, 'old'],
    ]);
    expect(listing.cursor).toBe('more');
  });

  it('renders replies indented under their parent, path:line anchors, and [resolved] / [deleted] marks', async () => {
    const { tool } = setup({ items: threads });
    const context = toolContextFixture();
    expect(tool.render(await tool.run(args, context), context)).toBe(
      [
        '#1004 alice 2026-03-11: Nice and small.',
        '  Two things.',
        '  #1005 carol 2026-03-11: Thanks!',
        '    #1006 alice 2026-03-11: Approved.',
        '#1007 bob 2026-03-11 src/refunds/refund.service.ts:14: Should `refund` be idempotent?',
        '  #1008 carol 2026-03-11 tools.COMMENT_RESOLVED: With #5.',
        '  #1017 alice 2026-03-11 tools.COMMENT_OLD_LINE {"path":"docs/api.md","line":3} tools.COMMENT_DELETED',
      ].join('\n'),
    );
  });

  it('keeps threads whole within the budget and says how to page through the rest', async () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      comment({ id: 2000 + i, text: 'x'.repeat(80), replies: [comment({ id: 3000 + i, parentId: 2000 + i })] }),
    );
    const { tool } = setup({ items: many });
    const listing = await tool.run(args, toolContextFixture({ budgetChars: 600 }));
    const roots = listing.items.filter((c) => c.depth === 0).map((c) => c.id);
    expect(roots.length).toBeGreaterThan(0);
    expect(roots.length).toBeLessThan(20);
    expect(listing.items.filter((c) => c.depth === 1).map((c) => c.parentId)).toEqual(roots);
    expect(listing.truncated).toBe(
      `tools.COMMENT_THREADS_TRUNCATED {"omitted":${20 - roots.length},"limit":${listing.items.length}}`,
    );
  });

  it('says so when there are no comments', async () => {
    const { tool } = setup({ items: [] });
    const context = toolContextFixture();
    expect(tool.render(await tool.run(args, context), context)).toBe('tools.EMPTY_LIST');
  });
});
