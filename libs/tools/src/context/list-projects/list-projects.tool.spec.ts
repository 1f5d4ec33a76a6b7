import type { BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { ListProjectsTool } from './list-projects.tool';

const PLAT = {
  key: 'PLAT',
  name: 'Platform',
  description: 'Payments and identity.',
  isPrivate: true,
  workspace: 'acme',
  url: 'https://bitbucket.example/acme/workspace/projects/PLAT',
};

describe('ListProjectsTool', () => {
  const listProjects = jest.fn() as jest.MockedFunction<BitbucketClient['listProjects']>;
  const tool = new ListProjectsTool({ listProjects } as unknown as BitbucketClient);

  beforeEach(() => listProjects.mockReset());

  it('lists the projects of the workspace given, one line each', async () => {
    listProjects.mockResolvedValue({ items: [PLAT, { ...PLAT, key: 'WEB', name: 'Web', description: '' }] });
    const context = toolContextFixture();
    const listing = await tool.run(tool.definition.input.parse({ workspace: 'acme' }), context);
    expect(listProjects).toHaveBeenCalledWith({ workspace: 'acme' }, { signal: context.signal });
    expect(listing.items[0]).toEqual({
      key: 'PLAT',
      name: 'Platform',
      description: 'Payments and identity.',
      private: true,
      workspace: 'acme',
      url: PLAT.url,
    });
    expect(tool.render(listing, context)).toBe(
      'PLAT Platform (acme, tools.VISIBILITY_PRIVATE): Payments and identity.\nWEB Web (acme, tools.VISIBILITY_PRIVATE)',
    );
  });

  it('asks for every project when no workspace is given (Data Center)', async () => {
    listProjects.mockResolvedValue({ items: [{ ...PLAT, workspace: undefined, isPrivate: false }] });
    const context = toolContextFixture();
    const listing = await tool.run(tool.definition.input.parse({}), context);
    expect(listProjects).toHaveBeenCalledWith({}, { signal: context.signal });
    expect(tool.render(listing, context)).toBe('PLAT Platform (tools.VISIBILITY_PUBLIC): Payments and identity.');
  });

  it('cuts a page to the response budget and says how to page through the rest', async () => {
    listProjects.mockResolvedValue({ items: Array.from({ length: 20 }, (_, i) => ({ ...PLAT, key: `P${i}` })) });
    const context = toolContextFixture({ budgetChars: 200 });
    const listing = await tool.run(tool.definition.input.parse({ workspace: 'acme' }), context);
    expect(listing.items.length).toBeLessThan(20);
    expect(listing.truncated).toBe(
      `tools.LIST_TRUNCATED {"omitted":${20 - listing.items.length},"limit":${listing.items.length}}`,
    );
  });
});
