import type { BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { ResolveCommentThreadTool } from './resolve-comment-thread.tool';

const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: 4, commentId: 1011 };

describe('resolve_comment_thread', () => {
  it('resolves by default and reopens with resolved: false', async () => {
    const resolveCommentThread = jest.fn(async (..._args: Parameters<BitbucketClient['resolveCommentThread']>) =>
      Promise.resolve(),
    );
    const tool = new ResolveCommentThreadTool({ resolveCommentThread } as unknown as BitbucketClient);
    const context = toolContextFixture();
    const resolved = await tool.run(tool.definition.input.parse(args), context);
    const reopened = await tool.run(tool.definition.input.parse({ ...args, resolved: false }), context);
    expect(resolveCommentThread.mock.calls.map((call) => call[1])).toEqual([
      { id: 4, commentId: 1011, resolved: true },
      { id: 4, commentId: 1011, resolved: false },
    ]);
    expect(tool.render(resolved, context)).toBe('tools.THREAD_RESOLVED {"commentId":1011,"id":4}');
    expect(tool.render(reopened, context)).toBe('tools.THREAD_REOPENED {"commentId":1011,"id":4}');
    expect(tool.definition.hints.idempotentHint).toBe(true);
  });
});
