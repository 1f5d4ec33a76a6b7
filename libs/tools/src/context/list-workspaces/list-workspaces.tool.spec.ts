import type { BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { ListWorkspacesTool } from './list-workspaces.tool';

describe('ListWorkspacesTool', () => {
  const listWorkspaces = jest.fn() as jest.MockedFunction<BitbucketClient['listWorkspaces']>;
  const tool = new ListWorkspacesTool({ listWorkspaces } as unknown as BitbucketClient);

  it('is offered only where Bitbucket has workspaces', () => {
    expect(tool.definition).toMatchObject({ name: 'list_workspaces', toolset: 'context', requires: ['workspaces'] });
    expect(tool.definition.hints.readOnlyHint).toBe(true);
  });

  it('projects workspaces, pages on, and renders one line each, naming the admin ones', async () => {
    listWorkspaces.mockResolvedValue({
      items: [
        { slug: 'acme', name: 'Acme', isAdmin: true },
        { slug: 'acme-labs', name: 'acme-labs' },
      ],
      cursor: 'next',
    });
    const context = toolContextFixture();
    const listing = await tool.run(tool.definition.input.parse({ limit: 2, cursor: 'c1' }), context);
    expect(listWorkspaces).toHaveBeenCalledWith({ signal: context.signal, cursor: 'c1', limit: 2 });
    expect(listing).toEqual({
      items: [
        { slug: 'acme', name: 'Acme', admin: true },
        { slug: 'acme-labs', name: 'acme-labs' },
      ],
      cursor: 'next',
    });
    expect(tool.render(listing, context)).toBe(
      'acme Acme tools.WORKSPACE_ADMIN\nacme-labs\ntools.MORE_PAGES {"cursor":"next"}',
    );
  });
});
