import type { BbCommit, BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { ListCommitsTool } from './list-commits.tool';

const commit = (n: number): BbCommit => ({
  hash: `${String(n).padStart(4, '0')}aaaabbbbccccddddeeeeffff0000111122223333`.slice(0, 40),
  message: `Release note ${n}\n\nMore words.`,
  authorName: 'Erin Walsh',
  authorEmail: 'erin@acme.example',
  date: '2026-03-10T12:15:00+00:00',
  parents: [],
});

describe('ListCommitsTool', () => {
  const listCommits = jest.fn() as jest.MockedFunction<BitbucketClient['listCommits']>;
  const tool = new ListCommitsTool({ listCommits } as unknown as BitbucketClient);

  beforeEach(() => listCommits.mockReset());

  it('passes every filter on and renders short hash, date, author and first line', async () => {
    listCommits.mockResolvedValue({ items: [commit(250)], cursor: 'next' });
    const context = toolContextFixture();
    const args = tool.definition.input.parse({
      workspace: 'acme',
      repo: 'release-notes',
      ref: 'main',
      path: 'CHANGELOG.md',
      author: 'erin',
      since: '2026-03-01',
      until: '2026-03-31T23:59:59Z',
      limit: 1,
    });
    const listing = await tool.run(args, context);
    expect(listCommits).toHaveBeenCalledWith(
      { workspace: 'acme', repo: 'release-notes' },
      { ref: 'main', path: 'CHANGELOG.md', author: 'erin', since: '2026-03-01', until: '2026-03-31T23:59:59Z' },
      { signal: context.signal, limit: 1 },
    );
    expect(listing.items).toEqual([
      { hash: commit(250).hash, date: commit(250).date, author: 'Erin Walsh', summary: 'Release note 250' },
    ]);
    expect(tool.render(listing, context)).toBe(
      `${commit(250).hash.slice(0, 12)} 2026-03-10 Erin Walsh: Release note 250\ntools.MORE_PAGES {"cursor":"next"}`,
    );
  });

  it('fits a page into the budget and says how to get the rest', async () => {
    listCommits.mockResolvedValue({ items: Array.from({ length: 100 }, (_, i) => commit(i + 1)) });
    const context = toolContextFixture({ budgetChars: 500 });
    const listing = await tool.run(tool.definition.input.parse({ workspace: 'acme', repo: 'release-notes' }), context);
    expect(listing.items.length).toBeGreaterThan(0);
    expect(listing.items.length).toBeLessThan(100);
    expect(listing.truncated).toContain('tools.LIST_TRUNCATED');
  });

  it('refuses dates that are not ISO-8601', () => {
    const parsed = tool.definition.input.safeParse({ workspace: 'acme', repo: 'r', until: 'yesterday' });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['until', 'invalid_format'],
    ]);
  });
});
