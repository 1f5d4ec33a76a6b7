import type { BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { ListDirectoryTool } from './list-directory.tool';

describe('ListDirectoryTool', () => {
  const listDirectory = jest.fn() as jest.MockedFunction<BitbucketClient['listDirectory']>;
  const tool = new ListDirectoryTool({ listDirectory } as unknown as BitbucketClient);

  it('lists a directory at a ref: directories with a slash, files with their size, submodules with @', async () => {
    listDirectory.mockResolvedValue({
      items: [
        { path: 'src/payments', type: 'directory' },
        { path: 'src/vendor', type: 'submodule' },
        { path: 'src/server.ts', type: 'file', size: 412 },
      ],
      cursor: 'more',
    });
    const context = toolContextFixture();
    const args = tool.definition.input.parse({ workspace: 'acme', repo: 'payments-api', path: '/src/', ref: 'v0.2.0' });
    const listing = await tool.run(args, context);
    expect(listDirectory).toHaveBeenCalledWith(
      { workspace: 'acme', repo: 'payments-api' },
      { path: 'src', ref: 'v0.2.0' },
      { signal: context.signal },
    );
    expect(listing.items[2]).toEqual({ path: 'src/server.ts', type: 'file', size: 412 });
    expect(tool.render(listing, context).split('\n')).toEqual([
      'src/payments/',
      'src/vendor @',
      'src/server.ts 412',
      'tools.MORE_PAGES {"cursor":"more"}',
    ]);
  });

  it('lists the root of the default branch when neither is given', async () => {
    listDirectory.mockResolvedValue({ items: [] });
    const context = toolContextFixture();
    await tool.run(tool.definition.input.parse({ workspace: 'acme', repo: 'payments-api' }), context);
    expect(listDirectory).toHaveBeenLastCalledWith(
      { workspace: 'acme', repo: 'payments-api' },
      { path: undefined, ref: undefined },
      { signal: context.signal },
    );
  });
});
