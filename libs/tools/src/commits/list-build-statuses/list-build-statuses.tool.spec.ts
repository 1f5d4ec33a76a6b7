import type { BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { ListBuildStatusesTool } from './list-build-statuses.tool';

describe('ListBuildStatusesTool', () => {
  const listBuildStatuses = jest.fn() as jest.MockedFunction<BitbucketClient['listBuildStatuses']>;
  const tool = new ListBuildStatusesTool({ listBuildStatuses } as unknown as BitbucketClient);

  it('lists the statuses of the commit, one line each with state, name, key, description and link', async () => {
    listBuildStatuses.mockResolvedValue({
      items: [
        {
          key: 'acme-ci',
          name: 'Acme CI #3',
          state: 'FAILED',
          url: 'https://ci.acme.example/3',
          description: '1 test failed',
          updatedOn: '2026-03-05T10:00:00Z',
        },
        { key: 'lint', name: 'lint', state: 'INPROGRESS', url: '', description: '' },
      ],
    });
    const context = toolContextFixture();
    const args = tool.definition.input.parse({ workspace: 'acme', repo: 'payments-api', commit: 'bec22a506416' });
    const listing = await tool.run(args, context);
    expect(listBuildStatuses).toHaveBeenCalledWith(
      { workspace: 'acme', repo: 'payments-api' },
      { commit: 'bec22a506416' },
      { signal: context.signal },
    );
    expect(listing.items[0]).toEqual({
      key: 'acme-ci',
      name: 'Acme CI #3',
      state: 'FAILED',
      description: '1 test failed',
      url: 'https://ci.acme.example/3',
      updatedOn: '2026-03-05T10:00:00Z',
    });
    expect(tool.render(listing, context)).toBe(
      'FAILED Acme CI #3 [acme-ci]: 1 test failed https://ci.acme.example/3\nINPROGRESS lint [lint]',
    );
  });
});
