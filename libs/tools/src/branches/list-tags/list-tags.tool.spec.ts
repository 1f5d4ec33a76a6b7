import type { BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { ListTagsTool } from './list-tags.tool';

const HASH = 'ab69577dce58aa11bb22cc33dd44ee55ff667788';

describe('ListTagsTool', () => {
  const listTags = jest.fn() as jest.MockedFunction<BitbucketClient['listTags']>;
  const tool = new ListTagsTool({ listTags } as unknown as BitbucketClient);

  it('shows the first line of an annotated tag message, and nothing for a lightweight tag', async () => {
    listTags.mockResolvedValue({
      items: [
        {
          name: 'v0.1.0',
          type: 'tag',
          commit: HASH,
          message: 'First release\n\nDetails',
          date: '2026-03-03T09:00:00Z',
        },
        { name: 'nightly', type: 'tag', commit: HASH },
      ],
    });
    const context = toolContextFixture();
    const listing = await tool.run(tool.definition.input.parse({ workspace: 'PLAT', repo: 'payments-api' }), context);
    expect(listTags).toHaveBeenCalledWith({ workspace: 'PLAT', repo: 'payments-api' }, {}, { signal: context.signal });
    expect(listing.items[0]).toEqual({
      name: 'v0.1.0',
      commit: HASH,
      message: 'First release\n\nDetails',
      date: '2026-03-03T09:00:00Z',
    });
    expect(tool.render(listing, context)).toBe('v0.1.0 ab69577dce58 2026-03-03: First release\nnightly ab69577dce58');
  });
});
