import type { BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { ListUsersTool } from './list-users.tool';

describe('ListUsersTool', () => {
  const listUsers = jest.fn() as jest.MockedFunction<BitbucketClient['listUsers']>;
  const tool = new ListUsersTool({ listUsers } as unknown as BitbucketClient);

  beforeEach(() => listUsers.mockReset());

  it('passes the workspace and the query on, keeping only id, name and display name', async () => {
    listUsers.mockResolvedValue({
      items: [{ id: '{c-1}', name: 'carol', displayName: 'Carol Dubois', email: 'carol@acme.example', accountId: 'x' }],
    });
    const context = toolContextFixture();
    const listing = await tool.run(tool.definition.input.parse({ workspace: 'acme', query: 'car', limit: 5 }), context);
    expect(listUsers).toHaveBeenCalledWith({ workspace: 'acme', query: 'car' }, { signal: context.signal, limit: 5 });
    expect(listing).toEqual({ items: [{ id: '{c-1}', name: 'carol', displayName: 'Carol Dubois' }] });
    expect(tool.render(listing, context)).toBe(
      'tools.USER_LINE {"displayName":"Carol Dubois","name":"carol","id":"{c-1}"}',
    );
  });

  it('asks without a workspace on Data Center, and says when nobody matches', async () => {
    listUsers.mockResolvedValue({ items: [] });
    const context = toolContextFixture();
    const listing = await tool.run(tool.definition.input.parse({ query: 'zed' }), context);
    expect(listUsers).toHaveBeenCalledWith({ query: 'zed' }, { signal: context.signal });
    expect(tool.render(listing, context)).toBe('tools.EMPTY_LIST');
  });
});
