import type { BitbucketClient } from '@app/bitbucket';
import { bitbucketModelFixture, toolContextFixture } from '@app/testing';
import { UpdateCommentTool } from './update-comment.tool';

describe('update_comment', () => {
  it('replaces the text of the comment and returns it', async () => {
    const updateComment = jest.fn(async (..._args: Parameters<BitbucketClient['updateComment']>) =>
      Promise.resolve(bitbucketModelFixture.comment({ id: 1004, text: 'See the tasks.' })),
    );
    const tool = new UpdateCommentTool({ updateComment } as unknown as BitbucketClient);
    const context = toolContextFixture();
    const view = await tool.run(
      { workspace: 'acme', repo: 'payments-api', pullRequestId: 3, commentId: 1004, text: 'See the tasks.' },
      context,
    );
    expect(updateComment.mock.calls[0]?.slice(1)).toEqual([
      { id: 3, commentId: 1004, text: 'See the tasks.' },
      { signal: context.signal },
    ]);
    expect(view).toMatchObject({ id: 1004, text: 'See the tasks.' });
    expect(tool.render(view, context)).toBe(
      'tools.COMMENT_UPDATED {"commentId":1004}\n#1004 alice 2026-03-11: See the tasks.',
    );
    expect(tool.definition.hints.idempotentHint).toBe(true);
  });
});
