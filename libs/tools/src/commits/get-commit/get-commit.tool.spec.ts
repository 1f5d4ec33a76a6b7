import type { BbCommit, BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { GetCommitTool } from './get-commit.tool';

const MERGE: BbCommit = {
  hash: '771838d95810aaaabbbbccccddddeeeeffff0000',
  message: 'Merged in feature/currency (pull request #1)\n\nAdd currency conversion',
  authorName: 'Alice Martin',
  authorEmail: 'alice@acme.example',
  author: { id: '{alice}', name: 'alice', displayName: 'Alice Martin' },
  date: '2026-03-03T10:00:00Z',
  parents: ['1111', '2222'],
};

describe('GetCommitTool', () => {
  const getCommit = jest.fn() as jest.MockedFunction<BitbucketClient['getCommit']>;
  const tool = new GetCommitTool({ getCommit } as unknown as BitbucketClient);

  it('returns the whole commit and renders it as git show heads it', async () => {
    getCommit.mockResolvedValue(MERGE);
    const context = toolContextFixture();
    const args = tool.definition.input.parse({ workspace: 'acme', repo: 'payments-api', hash: '771838d9' });
    const commit = await tool.run(args, context);
    expect(getCommit).toHaveBeenCalledWith(
      { workspace: 'acme', repo: 'payments-api' },
      { hash: '771838d9' },
      { signal: context.signal },
    );
    expect(commit).toEqual({
      hash: MERGE.hash,
      date: MERGE.date,
      author: 'Alice Martin',
      authorEmail: 'alice@acme.example',
      authorUser: { id: '{alice}', name: 'alice', displayName: 'Alice Martin' },
      parents: ['1111', '2222'],
      message: MERGE.message,
    });
    expect(tool.render(commit, toolContextFixture())).toBe(
      [
        `tools.COMMIT_HASH {"hash":"${MERGE.hash}"}`,
        'tools.COMMIT_MERGE {"parents":"1111 2222"}',
        'tools.COMMIT_AUTHOR {"author":"Alice Martin <alice@acme.example>"}',
        'tools.COMMIT_DATE {"date":"2026-03-03T10:00:00Z"}',
        '',
        '    Merged in feature/currency (pull request #1)',
        '    ',
        '    Add currency conversion',
      ].join('\n'),
    );
  });

  it('cuts a message longer than the budget and says so', async () => {
    getCommit.mockResolvedValue({ ...MERGE, message: 'x'.repeat(3000), parents: ['1111'], author: undefined });
    const context = toolContextFixture({ budgetChars: 1000 });
    const commit = await tool.run(tool.definition.input.parse({ workspace: 'a', repo: 'r', hash: 'abcd' }), context);
    expect(commit.message).toHaveLength(1000);
    expect(commit.truncated).toBe('tools.MESSAGE_CUT {"shown":1000,"total":3000}');
    expect(commit.authorUser).toBeUndefined();
    expect(tool.render(commit, context)).not.toContain('COMMIT_MERGE');
    expect(tool.render(commit, context).endsWith('\n\ntools.MESSAGE_CUT {"shown":1000,"total":3000}')).toBe(true);
  });
});
