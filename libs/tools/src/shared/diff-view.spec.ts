import { toolContextFixture } from '@app/testing';
import { toDiffView } from './diff-view';

const context = (budgetChars: number) =>
  toolContextFixture({ budgetChars, t: (key, params) => `${key} ${JSON.stringify(params ?? {})}` });

function fileDiff(path: string, lines: number): string {
  const body = Array.from({ length: lines }, (_, i) => `+line ${i + 1}`);
  return [
    `diff --git a/${path} b/${path}`,
    'index 1111111..2222222 100644',
    `--- a/${path}`,
    `+++ b/${path}`,
    `@@ -0,0 +1,${lines} @@`,
    ...body,
  ].join('\n');
}

describe('toDiffView', () => {
  it('keeps a small diff whole, file by file', () => {
    const raw = `${fileDiff('a.ts', 3)}\n${fileDiff('src/b.ts', 2)}\n`;
    const view = toDiffView(raw, {}, context(10000));
    expect(view.files).toEqual([
      { path: 'a.ts', shownLines: 4, totalLines: 4 },
      { path: 'src/b.ts', shownLines: 3, totalLines: 3 },
    ]);
    expect(view.diff).toBe(raw.trimEnd());
    expect(view.truncated).toBeUndefined();
    expect(view.omittedFiles).toEqual([]);
  });

  it('caps a 5,000-line file and says where to continue, then continues from there', () => {
    const raw = fileDiff('big.sql', 5000);
    const first = toDiffView(raw, { maxLinesPerFile: 300 }, context(1_000_000));
    expect(first.files).toEqual([{ path: 'big.sql', shownLines: 300, totalLines: 5001 }]);
    expect(first.truncated).toContain('"lineOffset":300');
    const next = toDiffView(raw, { paths: ['big.sql'], maxLinesPerFile: 300, lineOffset: 300 }, context(1_000_000));
    expect(next.diff.split('\n')[4]).toBe('+line 300');
    expect(next.truncated).toContain('"lineOffset":600');
  });

  it('leaves out whole files past the budget with the skipFiles that continues', () => {
    const raw = [fileDiff('a.ts', 50), fileDiff('b.ts', 50), fileDiff('c.ts', 50)].join('\n');
    const view = toDiffView(raw, {}, context(900));
    expect(view.files.map((file) => file.path)).toEqual(['a.ts']);
    expect(view.omittedFiles).toEqual(['b.ts', 'c.ts']);
    expect(view.nextSkipFiles).toBe(1);
    const rest = toDiffView(raw, { skipFiles: 1 }, context(900));
    expect(rest.files.map((file) => file.path)).toEqual(['b.ts']);
    expect(rest.nextSkipFiles).toBe(2);
  });

  it('names added and deleted files by their real side', () => {
    const deleted = [
      'diff --git a/old.txt b/old.txt',
      'deleted file mode 100644',
      '--- a/old.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-x',
    ];
    expect(toDiffView(deleted.join('\n'), {}, context(1000)).files[0]?.path).toBe('old.txt');
  });

  it('says so when there is nothing to show', () => {
    expect(toDiffView('', {}, context(1000))).toEqual({ diff: '', files: [], omittedFiles: [] });
  });
});
