import { diffOfPaths } from './diff-of-paths';

const section = (path: string, oldPath = path): string =>
  `diff --git a/${oldPath} b/${path}\nindex 1..2 100644\n--- a/${oldPath}\n+++ b/${path}\n@@ -1 +1 @@\n-a\n+b\n`;

describe('diffOfPaths', () => {
  it('keeps the sections of the files asked for, directories included, renames by either path', () => {
    const diff = [section('src/a.ts'), section('src/lib/b.ts'), section('docs/c.md'), section('new.md', 'old.md')].join(
      '',
    );
    expect(diffOfPaths(diff, ['docs/c.md'])).toBe(section('docs/c.md'));
    expect(diffOfPaths(diff, ['src/'])).toBe(section('src/a.ts') + section('src/lib/b.ts'));
    expect(diffOfPaths(diff, ['old.md'])).toBe(section('new.md', 'old.md'));
    expect(diffOfPaths(diff, ['src/a'])).toBe('');
  });
});
