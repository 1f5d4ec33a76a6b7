import type { BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { GetCommitDiffTool } from './get-commit-diff.tool';

function fileDiff(path: string, lines: number): string {
  return [
    `diff --git a/${path} b/${path}`,
    `--- a/${path}`,
    `+++ b/${path}`,
    `@@ -0,0 +1,${lines} @@`,
    ...Array.from({ length: lines }, (_, i) => `+line ${i + 1}`),
  ].join('\n');
}

describe('GetCommitDiffTool', () => {
  const getCommitDiff = jest.fn() as jest.MockedFunction<BitbucketClient['getCommitDiff']>;
  const tool = new GetCommitDiffTool({ getCommitDiff } as unknown as BitbucketClient);

  it('asks Bitbucket for the files and context asked for, and returns the raw diff', async () => {
    const raw = `${fileDiff('a.ts', 2)}\n${fileDiff('b.ts', 1)}\n`;
    getCommitDiff.mockResolvedValue(raw);
    const context = toolContextFixture();
    const args = tool.definition.input.parse({
      workspace: 'acme',
      repo: 'payments-api',
      hash: 'abc123',
      paths: ['a.ts', 'b.ts'],
      contextLines: 5,
    });
    const view = await tool.run(args, context);
    expect(getCommitDiff).toHaveBeenCalledWith(
      { workspace: 'acme', repo: 'payments-api' },
      { hash: 'abc123', paths: ['a.ts', 'b.ts'], contextLines: 5 },
      { signal: context.signal },
    );
    expect(view.files.map((file) => file.path)).toEqual(['a.ts', 'b.ts']);
    expect(tool.render(view, context)).toBe(raw.trimEnd());
  });

  it('caps a long file and names the lineOffset that continues it', async () => {
    getCommitDiff.mockResolvedValue(fileDiff('big.sql', 500));
    const context = toolContextFixture();
    const args = tool.definition.input.parse({
      workspace: 'acme',
      repo: 'payments-api',
      hash: 'abc123',
      paths: ['big.sql'],
      maxLinesPerFile: 100,
      lineOffset: 100,
    });
    const view = await tool.run(args, context);
    expect(view.files).toEqual([{ path: 'big.sql', shownLines: 100, totalLines: 501 }]);
    expect(view.diff.split('\n')[3]).toBe('+line 100');
    expect(view.truncated).toBe('tools.DIFF_FILE_CUT {"path":"big.sql","shown":100,"total":501,"lineOffset":200}');
  });

  it('says so when the commit changes nothing', async () => {
    getCommitDiff.mockResolvedValue('');
    const context = toolContextFixture();
    const view = await tool.run(tool.definition.input.parse({ workspace: 'a', repo: 'r', hash: 'abcd' }), context);
    expect(tool.render(view, context)).toBe('tools.DIFF_EMPTY');
  });
});
