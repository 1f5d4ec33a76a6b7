import { bitbucketModelFixture as bb, toolContextFixture } from '@app/testing';
import { GetIssueTool } from './get-issue.tool';

describe('GetIssueTool', () => {
  const toolFor = (content: string) =>
    new GetIssueTool(
      bb.client({
        getIssue: async (_repo: unknown, input: { id: number }) => Promise.resolve(bb.issue({ id: input.id, content })),
      }),
    );

  it('returns the issue with its description, link and reporter', async () => {
    const tool = toolFor('JPY has no minor unit.');
    const context = toolContextFixture();
    const issue = await tool.run({ workspace: 'acme', repo: 'payments-api', id: 1 }, context);
    expect(issue).toMatchObject({
      id: 1,
      content: 'JPY has no minor unit.',
      reporter: 'alice',
      createdOn: '2026-03-11T23:00:00.000Z',
    });
    expect(issue.truncated).toBeUndefined();
    expect(tool.render(issue, context).split('\n')).toEqual([
      'tools.ISSUE_LINE {"id":1,"state":"open","kind":"bug","priority":"critical","title":"Capture fails for JPY amounts","facts":"@bob, 2026-03-12T08:00:00.000Z"}',
      'tools.ISSUE_REPORTED {"reporter":"alice","createdOn":"2026-03-11T23:00:00.000Z"}',
      'https://bitbucket.org/acme/payments-api/issues/1',
      '',
      'JPY has no minor unit.',
    ]);
  });

  it('cuts a long description to the response budget and says so', async () => {
    const tool = toolFor('x'.repeat(5000));
    const context = toolContextFixture({ budgetChars: 1000 });
    const issue = await tool.run({ workspace: 'acme', repo: 'payments-api', id: 1 }, context);
    expect(tool.render(issue, context).length).toBeLessThanOrEqual(1000);
    expect(issue.truncated).toBe(`tools.ISSUE_CONTENT_CUT {"shown":${issue.content.length},"total":5000}`);
  });
});
