import { bitbucketModelFixture as bb, toolContextFixture } from '@app/testing';
import { CreateIssueTool } from './create-issue.tool';

describe('CreateIssueTool', () => {
  it('creates the issue with what it was given and answers it with its number', async () => {
    const asked: unknown[] = [];
    const tool = new CreateIssueTool(
      bb.client({
        createIssue: async (repo: unknown, input: { title: string }) => {
          asked.push([repo, input]);
          return Promise.resolve(
            bb.issue({ id: 5, title: input.title, state: 'new', kind: 'task', priority: 'minor' }),
          );
        },
      }),
    );
    const context = toolContextFixture();
    const issue = await tool.run(
      tool.definition.input.parse({
        workspace: 'acme',
        repo: 'payments-api',
        title: '  Refund webhooks ',
        content: 'Send one on refund.',
        kind: 'task',
        priority: 'minor',
        assignee: 'carol',
      }),
      context,
    );
    expect(asked).toEqual([
      [
        { workspace: 'acme', repo: 'payments-api' },
        {
          title: 'Refund webhooks',
          content: 'Send one on refund.',
          kind: 'task',
          priority: 'minor',
          assignee: 'carol',
        },
      ],
    ]);
    expect(issue).toMatchObject({ id: 5, state: 'new', kind: 'task' });
    expect(tool.render(issue, context).split('\n')[0]).toBe('tools.ISSUE_CREATED {"id":5}');
  });

  it('is a write, needs a title and knows the kinds and priorities', () => {
    const tool = new CreateIssueTool(bb.client({}));
    expect(tool.definition.hints).toMatchObject({ readOnlyHint: false, idempotentHint: false });
    const parse = (extra: object) =>
      tool.definition.input.safeParse({ workspace: 'acme', repo: 'r', title: 'T', ...extra });
    expect(parse({ title: '   ' }).success).toBe(false);
    expect(parse({ kind: 'feature' }).success).toBe(false);
    expect(parse({ priority: 'blocker', kind: 'proposal' }).success).toBe(true);
  });
});
