import type { BbPage, BbPullRequest, BitbucketClient } from '@app/bitbucket';
import { bitbucketModelFixture, toolContextFixture } from '@app/testing';
import { ListPullRequestsTool } from './list-pull-requests.tool';

const { pullRequest, user } = bitbucketModelFixture;

function setup(page: BbPage<BbPullRequest>) {
  const listPullRequests = jest.fn(async (..._args: Parameters<BitbucketClient['listPullRequests']>) =>
    Promise.resolve(page),
  );
  return { tool: new ListPullRequestsTool({ listPullRequests } as unknown as BitbucketClient), listPullRequests };
}

describe('list_pull_requests', () => {
  it('passes states, author, reviewer, mine and paging to the gateway', async () => {
    const { tool, listPullRequests } = setup({ items: [] });
    const context = toolContextFixture();
    await tool.run(
      {
        workspace: 'acme',
        repo: 'payments-api',
        states: ['MERGED', 'DECLINED'],
        author: 'bob',
        reviewer: 'alice',
        mine: 'reviewing',
        cursor: 'c1',
        limit: 10,
      },
      context,
    );
    expect(listPullRequests.mock.calls[0]).toEqual([
      { workspace: 'acme', repo: 'payments-api' },
      { states: ['MERGED', 'DECLINED'], author: 'bob', reviewer: 'alice', mine: 'reviewing' },
      { signal: context.signal, cursor: 'c1', limit: 10 },
    ]);
    await tool.run({ workspace: 'acme', repo: 'payments-api' }, context);
    expect(listPullRequests.mock.calls[1]?.[1]).toEqual({});
  });

  it('projects each pull request onto a compact summary: approvals by anyone, reviewers asked, fork sources', async () => {
    const fork = pullRequest({
      id: 4,
      draft: true,
      sourceRepository: 'bob/payments-api',
      sourceBranch: 'fix',
      reviewers: [
        { user: user('alice'), role: 'reviewer', status: 'changes_requested' },
        { user: user('dave'), role: 'participant', status: 'approved' },
      ],
    });
    const { tool } = setup({ items: [pullRequest(), fork], cursor: 'next' });
    const listing = await tool.run({ workspace: 'acme', repo: 'payments-api' }, toolContextFixture());
    expect(listing.items).toEqual([
      {
        id: 3,
        title: 'Add refund endpoint',
        state: 'OPEN',
        draft: false,
        author: 'carol',
        source: 'feature/refunds',
        destination: 'main',
        reviewers: 2,
        approvals: 1,
        changesRequested: 0,
        updatedOn: '2026-03-11T06:00:00.000Z',
      },
      expect.objectContaining({
        id: 4,
        draft: true,
        source: 'bob/payments-api:fix',
        reviewers: 1,
        approvals: 1,
        changesRequested: 1,
      }),
    ]);
    expect(listing.cursor).toBe('next');
  });

  it('renders one line per pull request, then how to get the next page', async () => {
    const { tool } = setup({ items: [pullRequest(), pullRequest({ id: 5, draft: true })], cursor: 'next' });
    const context = toolContextFixture();
    const lines = tool
      .render(await tool.run({ workspace: 'acme', repo: 'payments-api' }, context), context)
      .split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'tools.PR_LINE {"id":3,"state":"OPEN","title":"Add refund endpoint","author":"carol","source":"feature/refunds","destination":"main","review":"tools.PR_REVIEW_SUMMARY {\\"approvals\\":1,\\"reviewers\\":2}","updated":"2026-03-11"}',
    );
    expect(lines[1]).toContain('"state":"tools.PR_STATE_DRAFT {\\"state\\":\\"OPEN\\"}"');
    expect(lines[2]).toBe('tools.MORE_PAGES {"cursor":"next"}');
  });

  it('counts change requests in the line when there are some', async () => {
    const { tool } = setup({
      items: [pullRequest({ reviewers: [{ user: user('alice'), role: 'reviewer', status: 'changes_requested' }] })],
    });
    const context = toolContextFixture();
    const text = tool.render(await tool.run({ workspace: 'acme', repo: 'payments-api' }, context), context);
    expect(text).toContain('tools.PR_CHANGES_REQUESTED {\\"count\\":1}');
  });

  it('keeps to the response budget and says how to page through the rest', async () => {
    const items = Array.from({ length: 30 }, (_, i) => pullRequest({ id: i + 1 }));
    const { tool } = setup({ items });
    const context = toolContextFixture({ budgetChars: 1500 });
    const listing = await tool.run({ workspace: 'acme', repo: 'payments-api' }, context);
    expect(listing.items.length).toBeGreaterThan(0);
    expect(listing.items.length).toBeLessThan(30);
    expect(listing.truncated).toBe(
      `tools.LIST_TRUNCATED {"omitted":${30 - listing.items.length},"limit":${listing.items.length}}`,
    );
    expect(tool.render(listing, context).length).toBeLessThanOrEqual(1500 + (listing.truncated?.length ?? 0) + 1);
  });

  it('says so when nothing matches', async () => {
    const { tool } = setup({ items: [] });
    const context = toolContextFixture();
    expect(tool.render(await tool.run({ workspace: 'acme', repo: 'payments-api' }, context), context)).toBe(
      'tools.EMPTY_LIST',
    );
  });

  it('accepts only the known states and filters', () => {
    const { tool } = setup({ items: [] });
    const { input } = tool.definition;
    expect(input.safeParse({ workspace: 'acme', repo: 'r', states: ['CLOSED'] }).success).toBe(false);
    expect(input.safeParse({ workspace: 'acme', repo: 'r', states: [] }).success).toBe(false);
    expect(input.safeParse({ workspace: 'acme', repo: 'r', mine: 'all' }).success).toBe(false);
    expect(input.safeParse({ workspace: 'acme', repo: 'r', state: 'OPEN' }).success).toBe(false);
    expect(tool.definition.hints.readOnlyHint).toBe(true);
  });
});
