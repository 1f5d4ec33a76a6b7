import type { BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { ListBranchesTool } from './list-branches.tool';

const HASH = '0217274cc9a7f3c1b2e4d5a6978812345678abcd';

describe('ListBranchesTool', () => {
  const listBranches = jest.fn() as jest.MockedFunction<BitbucketClient['listBranches']>;
  const tool = new ListBranchesTool({ listBranches } as unknown as BitbucketClient);

  it('passes the filter and paging on, and renders one line per branch with the default marked', async () => {
    listBranches.mockResolvedValue({
      items: [
        { name: 'feature/refunds', type: 'branch', commit: HASH, isDefault: false, date: '2026-03-04T10:00:00Z' },
        { name: 'main', type: 'branch', commit: HASH, isDefault: true },
      ],
      cursor: 'p2',
    });
    const context = toolContextFixture();
    const args = tool.definition.input.parse({ workspace: 'acme', repo: 'payments-api', filter: 'e', limit: 2 });
    const listing = await tool.run(args, context);
    expect(listBranches).toHaveBeenCalledWith(
      { workspace: 'acme', repo: 'payments-api' },
      { filter: 'e' },
      { signal: context.signal, limit: 2 },
    );
    expect(listing.items).toEqual([
      { name: 'feature/refunds', commit: HASH, default: false, date: '2026-03-04T10:00:00Z' },
      { name: 'main', commit: HASH, default: true },
    ]);
    expect(tool.render(listing, context).split('\n')).toEqual([
      'feature/refunds 0217274cc9a7 2026-03-04',
      'main 0217274cc9a7 tools.REF_DEFAULT',
      'tools.MORE_PAGES {"cursor":"p2"}',
    ]);
  });

  it('refuses unknown arguments', () => {
    const parsed = tool.definition.input.safeParse({ workspace: 'acme', repo: 'payments-api', name: 'main' });
    expect(parsed.success).toBe(false);
  });
});
