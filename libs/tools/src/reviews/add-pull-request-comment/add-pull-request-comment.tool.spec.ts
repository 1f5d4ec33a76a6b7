import type { BitbucketClient } from '@app/bitbucket';
import { bitbucketModelFixture, toolContextFixture } from '@app/testing';
import { AddPullRequestCommentTool } from './add-pull-request-comment.tool';

const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: 3, text: 'Guard negative amounts.' };

function setup() {
  const addComment = jest.fn(async (..._args: Parameters<BitbucketClient['addComment']>) =>
    Promise.resolve(
      bitbucketModelFixture.comment({
        id: 1017,
        text: 'Guard negative amounts.',
        inline: { path: 'src/refunds/refund.service.ts', line: 20, side: 'new' },
      }),
    ),
  );
  return { tool: new AddPullRequestCommentTool({ addComment } as unknown as BitbucketClient), addComment };
}

describe('add_pull_request_comment', () => {
  it('maps a general comment, an inline one (side new by default, or old) and a reply', async () => {
    const { tool, addComment } = setup();
    const context = toolContextFixture();
    await tool.run(args, context);
    await tool.run({ ...args, path: 'src/a.ts', line: 20 }, context);
    await tool.run({ ...args, path: 'src/a.ts', line: 8, side: 'old' }, context);
    await tool.run({ ...args, parentId: 1004 }, context);
    expect(addComment.mock.calls.map((call) => call[1])).toEqual([
      { id: 3, text: 'Guard negative amounts.' },
      { id: 3, text: 'Guard negative amounts.', inline: { path: 'src/a.ts', line: 20, side: 'new' } },
      { id: 3, text: 'Guard negative amounts.', inline: { path: 'src/a.ts', line: 8, side: 'old' } },
      { id: 3, text: 'Guard negative amounts.', parentId: 1004 },
    ]);
  });

  it.each([
    [{ path: 'src/a.ts' }, 'tools.COMMENT_PATH_WITHOUT_LINE'],
    [{ line: 3 }, 'tools.COMMENT_LINE_WITHOUT_PATH'],
    [{ side: 'old' as const }, 'tools.COMMENT_LINE_WITHOUT_PATH'],
    [{ path: 'src/a.ts', line: 3, parentId: 1004 }, 'tools.COMMENT_REPLY_WITH_ANCHOR'],
  ])('refuses %j without calling Bitbucket', async (extra, details) => {
    const { tool, addComment } = setup();
    await expect(tool.run({ ...args, ...extra }, toolContextFixture())).rejects.toMatchObject({
      code: 'TOOL_INVALID_ARGUMENTS',
      params: { name: 'add_pull_request_comment', details },
    });
    expect(addComment.mock.calls).toHaveLength(0);
  });

  it('returns a reply one level down under the comment it answers, even when Bitbucket does not echo the parent', async () => {
    const { tool } = setup();
    const view = await tool.run({ ...args, parentId: 1004 }, toolContextFixture());
    expect(view).toMatchObject({ id: 1017, parentId: 1004, depth: 1 });
  });

  it('returns the comment with its id and anchor', async () => {
    const { tool } = setup();
    const context = toolContextFixture();
    const view = await tool.run({ ...args, path: 'src/refunds/refund.service.ts', line: 20 }, context);
    expect(view).toMatchObject({ id: 1017, depth: 0, path: 'src/refunds/refund.service.ts', line: 20, side: 'new' });
    expect(tool.render(view, context)).toBe(
      'tools.COMMENT_ADDED {"commentId":1017}\n#1017 alice 2026-03-11 src/refunds/refund.service.ts:20: Guard negative amounts.',
    );
    expect(tool.definition.hints.idempotentHint).toBe(false);
  });
});
