import type { BbFileChange, BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { GetPullRequestDiffstatTool } from './get-pull-request-diffstat.tool';

const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: 3 };

function setup(items: BbFileChange[], cursor?: string) {
  const getPullRequestDiffstat = jest.fn(async (..._args: Parameters<BitbucketClient['getPullRequestDiffstat']>) =>
    Promise.resolve({ items, ...(cursor === undefined ? {} : { cursor }) }),
  );
  return {
    tool: new GetPullRequestDiffstatTool({ getPullRequestDiffstat } as unknown as BitbucketClient),
    getPullRequestDiffstat,
  };
}

describe('get_pull_request_diffstat', () => {
  it('pages with cursor and limit', async () => {
    const { tool, getPullRequestDiffstat } = setup([]);
    const context = toolContextFixture();
    await tool.run({ ...args, cursor: 'c', limit: 50 }, context);
    expect(getPullRequestDiffstat.mock.calls[0]).toEqual([
      { workspace: 'acme', repo: 'payments-api' },
      { id: 3 },
      { signal: context.signal, cursor: 'c', limit: 50 },
    ]);
  });

  it('gives one compact line per file: status, path (old → new for renames), counts or binary', async () => {
    const { tool } = setup(
      [
        { path: 'docs/api.md', oldPath: 'docs/api.md', status: 'modified', linesAdded: 4, linesRemoved: 1 },
        { path: 'src/new.ts', oldPath: 'src/old.ts', status: 'renamed', linesAdded: 0, linesRemoved: 0 },
        { path: 'logo.png', status: 'added', binary: true },
        { path: 'src/gone.ts', status: 'removed' },
      ],
      'next',
    );
    const context = toolContextFixture();
    const listing = await tool.run(args, context);
    expect(listing.items).toEqual([
      { path: 'docs/api.md', status: 'modified', linesAdded: 4, linesRemoved: 1 },
      { path: 'src/new.ts', oldPath: 'src/old.ts', status: 'renamed', linesAdded: 0, linesRemoved: 0 },
      { path: 'logo.png', status: 'added', binary: true },
      { path: 'src/gone.ts', status: 'removed' },
    ]);
    expect(tool.render(listing, context).split('\n')).toEqual([
      'modified docs/api.md +4 -1',
      'renamed src/old.ts → src/new.ts +0 -0',
      'added logo.png tools.DIFFSTAT_BINARY',
      'removed src/gone.ts',
      'tools.MORE_PAGES {"cursor":"next"}',
    ]);
  });
});
