import { bitbucketModelFixture as bb, toolContextFixture } from '@app/testing';
import { ListIssuesTool } from './list-issues.tool';

describe('ListIssuesTool', () => {
  it('filters by state and text and answers one line per issue, without descriptions', async () => {
    const asked: unknown[] = [];
    const tool = new ListIssuesTool(
      bb.client({
        listIssues: async (repo: unknown, filter: unknown) => {
          asked.push([repo, filter]);
          return Promise.resolve(
            bb.page(
              [bb.issue(), bb.issue({ id: 2, title: 'Export refunds', state: 'new', assignee: undefined })],
              'c2',
            ),
          );
        },
      }),
    );
    const context = toolContextFixture();
    const listing = await tool.run(
      { workspace: 'acme', repo: 'payments-api', state: 'open', query: 'refund' },
      context,
    );

    expect(asked).toEqual([
      [
        { workspace: 'acme', repo: 'payments-api' },
        { state: 'open', query: 'refund' },
      ],
    ]);
    expect(listing.items[0]).toEqual({
      id: 1,
      title: 'Capture fails for JPY amounts',
      state: 'open',
      kind: 'bug',
      priority: 'critical',
      assignee: 'bob',
      reporter: 'alice',
      updatedOn: '2026-03-12T08:00:00.000Z',
    });
    expect(tool.render(listing, context).split('\n')).toEqual([
      'tools.ISSUE_LINE {"id":1,"state":"open","kind":"bug","priority":"critical","title":"Capture fails for JPY amounts","facts":"@bob, 2026-03-12T08:00:00.000Z"}',
      'tools.ISSUE_LINE {"id":2,"state":"new","kind":"bug","priority":"critical","title":"Export refunds","facts":"2026-03-12T08:00:00.000Z"}',
      'tools.MORE_PAGES {"cursor":"c2"}',
    ]);
  });

  it('accepts only the states Bitbucket has', () => {
    const tool = new ListIssuesTool(bb.client({}));
    expect(tool.definition.input.safeParse({ workspace: 'acme', repo: 'r', state: 'on hold' }).success).toBe(true);
    expect(tool.definition.input.safeParse({ workspace: 'acme', repo: 'r', state: 'done' }).success).toBe(false);
    expect(tool.definition.requires).toEqual(['issues']);
  });
});
