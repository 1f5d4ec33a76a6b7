import type { BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { GetPullRequestDiffTool } from './get-pull-request-diff.tool';

const args = { workspace: 'acme', repo: 'payments-api', pullRequestId: 3 };

function fileDiff(path: string, lines: number): string {
  return [
    `diff --git a/${path} b/${path}`,
    'new file mode 100644',
    '--- /dev/null',
    `+++ b/${path}`,
    `@@ -0,0 +1,${lines} @@`,
    ...Array.from({ length: lines }, (_, i) => `+row ${i + 1}`),
  ].join('\n');
}

function setup(raw: string) {
  const getPullRequestDiff = jest.fn(async (..._args: Parameters<BitbucketClient['getPullRequestDiff']>) =>
    Promise.resolve(raw),
  );
  return { tool: new GetPullRequestDiffTool({ getPullRequestDiff } as unknown as BitbucketClient), getPullRequestDiff };
}

describe('get_pull_request_diff', () => {
  it('asks Bitbucket for the named files and context lines only', async () => {
    const { tool, getPullRequestDiff } = setup('');
    const context = toolContextFixture();
    await tool.run({ ...args, paths: ['a.ts'], contextLines: 5 }, context);
    await tool.run(args, context);
    expect(getPullRequestDiff.mock.calls).toEqual([
      [
        { workspace: 'acme', repo: 'payments-api' },
        { id: 3, paths: ['a.ts'], contextLines: 5 },
        { signal: context.signal },
      ],
      [{ workspace: 'acme', repo: 'payments-api' }, { id: 3 }, { signal: context.signal }],
    ]);
  });

  it('returns a small diff whole, as raw unified text', async () => {
    const raw = `${fileDiff('a.ts', 3)}\n`;
    const { tool } = setup(raw);
    const context = toolContextFixture();
    const view = await tool.run(args, context);
    expect(view).toEqual({
      diff: raw.trimEnd(),
      files: [{ path: 'a.ts', shownLines: 4, totalLines: 4 }],
      omittedFiles: [],
    });
    expect(tool.render(view, context)).toBe(raw.trimEnd());
  });

  it('caps a 5,000-line file at maxLinesPerFile and gives the continuation, which then reads on', async () => {
    const { tool } = setup(fileDiff('db/seed.sql', 5000));
    const context = toolContextFixture({ budgetChars: 1_000_000 });
    const first = await tool.run(args, context);
    expect(first.files).toEqual([{ path: 'db/seed.sql', shownLines: 300, totalLines: 5001 }]);
    expect(first.truncated).toBe(
      'tools.DIFF_FILE_CUT {"path":"db/seed.sql","shown":300,"total":5001,"lineOffset":300}',
    );
    expect(tool.render(first, context).endsWith(`\n\n${first.truncated ?? ''}`)).toBe(true);
    const next = await tool.run({ ...args, paths: ['db/seed.sql'], lineOffset: 300, maxLinesPerFile: 5000 }, context);
    expect(next.files).toEqual([{ path: 'db/seed.sql', shownLines: 4701, totalLines: 5001 }]);
    expect(next.diff.split('\n')[4]).toBe('+row 300');
    expect(next.truncated).toBeUndefined();
  });

  it('leaves whole files out past the response budget and says which skipFiles continues', async () => {
    const { tool } = setup([fileDiff('a.ts', 40), fileDiff('b.ts', 40), fileDiff('c.ts', 40)].join('\n'));
    const view = await tool.run(args, toolContextFixture({ budgetChars: 700 }));
    expect(view.files.map((file) => file.path)).toEqual(['a.ts']);
    expect(view).toMatchObject({ omittedFiles: ['b.ts', 'c.ts'], nextSkipFiles: 1 });
    expect(view.truncated).toBe('tools.DIFF_FILES_OMITTED {"count":2,"skipFiles":1}');
  });

  it('says so when the pull request changes nothing', async () => {
    const { tool } = setup('');
    const context = toolContextFixture();
    expect(tool.render(await tool.run(args, context), context)).toBe('tools.DIFF_EMPTY');
  });
});
