import type { BbRef, BbWorkspace, BitbucketClient } from '@app/bitbucket';
import { BitbucketCompleters } from './bitbucket-completers';

const workspace = (slug: string): BbWorkspace => ({ slug, name: slug });
const branch = (name: string): BbRef => ({ name, type: 'branch', commit: 'd93c76fb2128' });

describe('BitbucketCompleters', () => {
  const signal = new AbortController().signal;

  it('suggests the workspaces containing the typed text, those starting with it first', async () => {
    const listWorkspaces = jest.fn().mockResolvedValue({
      items: [workspace('labs-acme'), workspace('acme'), workspace('other')],
    });
    const completers = new BitbucketCompleters({ flavor: 'cloud', listWorkspaces } as unknown as BitbucketClient);
    expect(await completers.workspace('AC', {}, signal)).toEqual(['acme', 'labs-acme']);
  });

  it('suggests nothing for a repository, pull request or branch until a valid workspace and repository are chosen', async () => {
    const completers = new BitbucketCompleters({} as BitbucketClient);
    expect(await completers.repository('pay', {}, signal)).toEqual([]);
    expect(await completers.pullRequest('', { workspace: 'acme' }, signal)).toEqual([]);
    expect(await completers.branch('', { repo: 'payments-api' }, signal)).toEqual([]);
    expect(await completers.branch('', { workspace: 'acme', repo: '..' }, signal)).toEqual([]);
  });

  it('suggests branch names matching the typed text, asking Bitbucket to filter them', async () => {
    const listBranches = jest.fn().mockResolvedValue({ items: [branch('feature/idempotency'), branch('main')] });
    const completers = new BitbucketCompleters({ listBranches } as unknown as BitbucketClient);
    expect(await completers.branch('feat', { workspace: 'acme', repo: 'payments-api' }, signal)).toEqual([
      'feature/idempotency',
    ]);
    expect(listBranches).toHaveBeenCalledWith(
      { workspace: 'acme', repo: 'payments-api' },
      { filter: 'feat' },
      expect.objectContaining({ signal }),
    );
  });
});
