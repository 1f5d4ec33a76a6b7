import { bitbucketModelFixture as bb, toolContextFixture } from '@app/testing';
import { AddIssueCommentTool } from './add-issue-comment.tool';

describe('AddIssueCommentTool', () => {
  it('adds the comment to the issue and answers its id', async () => {
    const asked: unknown[] = [];
    const tool = new AddIssueCommentTool(
      bb.client({
        addIssueComment: async (repo: unknown, input: unknown) => {
          asked.push([repo, input]);
          return Promise.resolve({ id: 3, author: bb.user(), text: 'Fixed', createdOn: '2026-03-12T09:00:00.000Z' });
        },
      }),
    );
    const context = toolContextFixture();
    const comment = await tool.run({ workspace: 'acme', repo: 'payments-api', id: 1, text: 'Fixed' }, context);
    expect(asked).toEqual([
      [
        { workspace: 'acme', repo: 'payments-api' },
        { id: 1, text: 'Fixed' },
      ],
    ]);
    expect(comment).toEqual({
      id: 3,
      issueId: 1,
      author: { id: '{alice-uuid}', name: 'alice', displayName: 'Alice Martin' },
      createdOn: '2026-03-12T09:00:00.000Z',
    });
    expect(tool.render(comment, context)).toBe('tools.ISSUE_COMMENT_ADDED {"commentId":3,"id":1}');
  });

  it('refuses an empty comment', () => {
    const tool = new AddIssueCommentTool(bb.client({}));
    expect(tool.definition.input.safeParse({ workspace: 'acme', repo: 'r', id: 1, text: ' ' }).success).toBe(false);
  });
});
