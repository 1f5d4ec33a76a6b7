import type { BbCommit, BbComparison, BitbucketClient } from '@app/bitbucket';
import { toolContextFixture } from '@app/testing';
import { CompareRefsTool } from './compare-refs.tool';

const commit = (n: number): BbCommit => ({
  hash: `${n}`.padEnd(40, 'a'),
  message: `Change ${n}`,
  authorName: 'Carol Dubois',
  date: '2026-03-04T09:00:00Z',
  parents: [],
});

const COMPARISON: BbComparison = {
  from: 'feature/refunds',
  to: 'main',
  ahead: [commit(3), commit(2)],
  aheadTotal: 2,
  behindTotal: 5,
  files: [
    { path: 'src/refunds/refund.service.ts', status: 'added', linesAdded: 27, linesRemoved: 0 },
    { path: 'src/http-server.ts', oldPath: 'src/server.ts', status: 'renamed' },
  ],
  mergeBase: 'b'.repeat(40),
};

describe('CompareRefsTool', () => {
  const compareRefs = jest.fn() as jest.MockedFunction<BitbucketClient['compareRefs']>;
  const tool = new CompareRefsTool({ compareRefs } as unknown as BitbucketClient);
  const args = tool.definition.input.parse({
    workspace: 'acme',
    repo: 'payments-api',
    from: 'feature/refunds',
    to: 'main',
  });

  it('summarizes ahead and behind, then lists the commits and the files', async () => {
    compareRefs.mockResolvedValue(COMPARISON);
    const context = toolContextFixture();
    const view = await tool.run(args, context);
    expect(compareRefs).toHaveBeenCalledWith(
      { workspace: 'acme', repo: 'payments-api' },
      { from: 'feature/refunds', to: 'main' },
      { signal: context.signal },
    );
    expect(view).toMatchObject({ aheadTotal: 2, behindTotal: 5, fileTotal: 2, mergeBase: 'b'.repeat(40) });
    expect(view.truncated).toBeUndefined();
    expect(tool.render(view, context).split('\n')).toEqual([
      'tools.COMPARE_SUMMARY {"from":"feature/refunds","to":"main","ahead":2,"behind":5,"files":2}',
      '',
      '3aaaaaaaaaaa 2026-03-04 Carol Dubois: Change 3',
      '2aaaaaaaaaaa 2026-03-04 Carol Dubois: Change 2',
      '',
      'A src/refunds/refund.service.ts (+27 -0)',
      'R src/server.ts -> src/http-server.ts',
    ]);
  });

  it('shares the budget between commits and files, and says what it left out', async () => {
    compareRefs.mockResolvedValue({
      ...COMPARISON,
      ahead: Array.from({ length: 100 }, (_, i) => commit(i)),
      aheadTotal: 140,
      files: Array.from({ length: 200 }, (_, i) => ({ path: `src/file-${i}.ts`, status: 'modified' as const })),
    });
    const context = toolContextFixture({ budgetChars: 2000 });
    const view = await tool.run(args, context);
    expect(view.ahead.length).toBeGreaterThan(0);
    expect(view.ahead.length).toBeLessThan(100);
    expect(view.files.length).toBeGreaterThan(0);
    expect(view.files.length).toBeLessThan(200);
    expect(view.fileTotal).toBe(200);
    expect(view.truncated?.split('\n')).toEqual([
      `tools.COMPARE_COMMITS_CUT {"shown":${view.ahead.length},"total":140,"from":"feature/refunds"}`,
      `tools.COMPARE_FILES_CUT {"shown":${view.files.length},"total":200}`,
    ]);
  });

  it('gives commits the whole budget when no file changed', async () => {
    compareRefs.mockResolvedValue({ ...COMPARISON, ahead: [commit(1)], aheadTotal: 1, files: [], behindTotal: 0 });
    const view = await tool.run(args, toolContextFixture());
    expect(view).toMatchObject({ ahead: [expect.objectContaining({ summary: 'Change 1' })], files: [], fileTotal: 0 });
  });
});
