import type { BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { DeleteCommentTool } from './delete-comment.tool';

describe('delete_comment', () => {
  it('is destructive, takes confirm, and deletes the comment', async () => {
    const deleteComment = jest.fn(async (..._args: Parameters<BitbucketClient['deleteComment']>) => Promise.resolve());
    const tool = new DeleteCommentTool({ deleteComment } as unknown as BitbucketClient);
    expect(tool.definition.hints.destructiveHint).toBe(true);
    expect(tool.definition.input.shape.confirm).toBeDefined();
    const context = toolContextFixture();
    const result = await tool.run(
      { workspace: 'acme', repo: 'payments-api', pullRequestId: 4, commentId: 1012, confirm: true },
      context,
    );
    expect(deleteComment.mock.calls).toEqual([
      [{ workspace: 'acme', repo: 'payments-api' }, { id: 4, commentId: 1012 }, { signal: context.signal }],
    ]);
    expect(result).toEqual({ pullRequestId: 4, commentId: 1012, deleted: true });
    expect(tool.render(result, context)).toBe('tools.COMMENT_DELETED_DONE {"commentId":1012,"id":4}');
  });
});
