import type { BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { SearchCodeTool } from './search-code.tool';

describe('SearchCodeTool', () => {
  const searchCode = jest.fn() as jest.MockedFunction<BitbucketClient['searchCode']>;
  const tool = new SearchCodeTool({ searchCode } as unknown as BitbucketClient);

  beforeEach(() => searchCode.mockReset());

  it('searches the workspace given and renders each hit with its first matching lines', async () => {
    searchCode.mockResolvedValue({
      items: [
        {
          workspace: 'acme',
          repo: 'payments-api',
          path: 'src/payments/payment.service.ts',
          matchCount: 8,
          lines: Array.from({ length: 8 }, (_, i) => ({ line: 30 + i, text: `    captured ${i}   ` })),
        },
      ],
      cursor: 'p2',
    });
    const context = toolContextFixture();
    const listing = await tool.run(
      tool.definition.input.parse({ workspace: 'acme', query: 'captured', limit: 1 }),
      context,
    );
    expect(searchCode).toHaveBeenCalledWith(
      { query: 'captured', workspace: 'acme' },
      { signal: context.signal, limit: 1 },
    );
    expect(listing.items[0]?.lines).toHaveLength(5);
    expect(listing.items[0]?.matchCount).toBe(8);
    expect(tool.render(listing, context).split('\n')).toEqual([
      'acme/payments-api:src/payments/payment.service.ts',
      '  30: captured 0',
      '  31: captured 1',
      '  32: captured 2',
      '  33: captured 3',
      '  34: captured 4',
      '  …',
      'tools.MORE_PAGES {"cursor":"p2"}',
    ]);
  });

  it('cuts very long matching lines, and searches every project when no workspace is given', async () => {
    searchCode.mockResolvedValue({
      items: [
        { workspace: 'PLAT', repo: 'r', path: 'min.js', matchCount: 1, lines: [{ line: 1, text: 'x'.repeat(5000) }] },
      ],
    });
    const context = toolContextFixture();
    const listing = await tool.run(tool.definition.input.parse({ query: 'x' }), context);
    expect(searchCode).toHaveBeenCalledWith({ query: 'x' }, { signal: context.signal });
    expect(listing.items[0]?.lines[0]?.text).toHaveLength(200);
  });
});
