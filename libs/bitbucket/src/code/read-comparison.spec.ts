import type { BbCommit } from '../model/bb-commit';
import type { BbFileChange } from '../model/bb-file-change';
import { readComparison, type ComparisonReads } from './read-comparison';

const commit = (hash: string): BbCommit => ({ hash, message: hash, authorName: 'Alice', date: '', parents: [] });

/** Reads over two resolved commits, `ahead` of them only on `feature`, recording what each read was given. */
function reads(ahead: number, mergeBase: string | undefined): ComparisonReads<string, string> & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    resolve: async (ref) => Promise.resolve(`${ref}-id`),
    between: async (include, exclude) => {
      calls.push(`between ${include} ${exclude}`);
      const count = include === 'feature-id' ? ahead : 2;
      return Promise.resolve(Array.from({ length: count }, (_, i) => `${include}-${i}`));
    },
    files: async (from, to) => {
      calls.push(`files ${from} ${to}`);
      return Promise.resolve(['a.ts']);
    },
    mergeBase: async (from, to) => {
      calls.push(`merge base ${from} ${to}`);
      return Promise.resolve(mergeBase);
    },
    commit,
    fileChange: (path): BbFileChange => ({ path, status: 'modified' }),
  };
}

describe('readComparison', () => {
  it('reads ahead, behind, files and merge base on the resolved commits, naming the refs as asked', async () => {
    const flavor = reads(3, 'base');
    const comparison = await readComparison({ from: 'feature', to: 'main' }, flavor);
    expect(flavor.calls.sort()).toEqual([
      'between feature-id main-id',
      'between main-id feature-id',
      'files feature-id main-id',
      'merge base feature-id main-id',
    ]);
    expect(comparison).toEqual({
      from: 'feature',
      to: 'main',
      ahead: ['feature-id-0', 'feature-id-1', 'feature-id-2'].map(commit),
      aheadTotal: 3,
      behindTotal: 2,
      files: [{ path: 'a.ts', status: 'modified' }],
      mergeBase: 'base',
    });
  });

  it('lists the first 100 commits ahead but counts them all, and leaves out a merge base there is none of', async () => {
    const comparison = await readComparison({ from: 'feature', to: 'main' }, reads(250, undefined));
    expect(comparison.ahead).toHaveLength(100);
    expect(comparison.aheadTotal).toBe(250);
    expect(comparison).not.toHaveProperty('mergeBase');
  });
});
