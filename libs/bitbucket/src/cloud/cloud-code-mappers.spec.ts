import { cloudCodeMappers } from './cloud-code-mappers';

describe('cloudCodeMappers', () => {
  it('splits a commit author into name and email, with the Bitbucket user when known', () => {
    const commit = cloudCodeMappers.commit({
      hash: 'eefd5ef5d3df01aed629f650959d6706d54cd335',
      date: '2020-03-19T12:00:03+00:00',
      message: 'Fix the thing\n\nLonger text.\n',
      author: {
        raw: 'Ann Smith <ann@example.com>',
        user: { uuid: '{ann}', nickname: 'ann', display_name: 'Ann Smith' },
      },
      parents: [{ hash: 'a1' }, { hash: 'b2' }],
    });
    expect(commit).toEqual({
      hash: 'eefd5ef5d3df01aed629f650959d6706d54cd335',
      message: 'Fix the thing\n\nLonger text.',
      authorName: 'Ann Smith',
      authorEmail: 'ann@example.com',
      author: { id: '{ann}', name: 'ann', displayName: 'Ann Smith' },
      date: '2020-03-19T12:00:03+00:00',
      parents: ['a1', 'b2'],
    });
    expect(cloudCodeMappers.commit({ hash: 'h', author: { raw: 'builder' } })).toMatchObject({
      authorName: 'builder',
      parents: [],
    });
  });

  it('maps diffstat entries, renames included, newer statuses as modifications', () => {
    expect(
      cloudCodeMappers.fileChange({
        status: 'renamed',
        lines_added: 2,
        lines_removed: 1,
        old: { path: 'setup.py' },
        new: { path: 'pyproject.py' },
      }),
    ).toEqual({ path: 'pyproject.py', oldPath: 'setup.py', status: 'renamed', linesAdded: 2, linesRemoved: 1 });
    expect(cloudCodeMappers.fileChange({ status: 'removed', old: { path: 'gone.txt' }, new: null })).toMatchObject({
      path: 'gone.txt',
      status: 'removed',
    });
    expect(
      cloudCodeMappers.fileChange({ status: 'merge conflict', new: { path: 'a' }, old: { path: 'a' } }).status,
    ).toBe('modified');
  });

  it('maps refs with the default branch, and annotated tags', () => {
    expect(cloudCodeMappers.ref({ name: 'main', target: { hash: 'h1' } }, 'branch', 'main')).toEqual({
      name: 'main',
      type: 'branch',
      commit: 'h1',
      isDefault: true,
    });
    expect(
      cloudCodeMappers.ref(
        { name: 'v1', message: 'First\n', date: '2021-01-01T00:00:00+00:00', target: { hash: 'h2' } },
        'tag',
      ),
    ).toEqual({ name: 'v1', type: 'tag', commit: 'h2', message: 'First', date: '2021-01-01T00:00:00+00:00' });
  });

  it('maps source entries: directories, files with sizes, submodules', () => {
    expect(cloudCodeMappers.directoryEntry({ type: 'commit_directory', path: 'tests/test_project' })).toEqual({
      path: 'tests/test_project',
      type: 'directory',
    });
    expect(cloudCodeMappers.directoryEntry({ type: 'commit_file', path: 'tests/__init__.py', size: 0 })).toEqual({
      path: 'tests/__init__.py',
      type: 'file',
      size: 0,
    });
    expect(
      cloudCodeMappers.directoryEntry({ type: 'commit_file', path: 'vendor/lib', attributes: ['subrepository'] }).type,
    ).toBe('submodule');
  });

  it('turns search segments into plain matching lines, and finds the repository without the expanded field', () => {
    const hit = cloudCodeMappers.searchHit({
      content_match_count: 2,
      content_matches: [
        {
          lines: [
            { line: 2, segments: [] },
            { line: 3, segments: [{ text: 'const <b> = ' }, { text: 'foo', match: true }, { text: '();' }] },
          ],
        },
        { lines: [{ line: 9, segments: [{ text: 'foo', match: true }] }] },
      ],
      file: {
        path: 'src/a.ts',
        links: { self: { href: 'https://api.bitbucket.org/2.0/repositories/acme/web-portal/src/abc/src/a.ts' } },
      },
    });
    expect(hit).toEqual({
      workspace: 'acme',
      repo: 'web-portal',
      path: 'src/a.ts',
      matchCount: 2,
      lines: [
        { line: 3, text: 'const <b> = foo();' },
        { line: 9, text: 'foo' },
      ],
    });
  });

  it('keeps known build states and reads unknown ones as in progress', () => {
    expect(cloudCodeMappers.buildStatus({ key: 'ci', state: 'STOPPED', url: 'https://ci', name: null })).toEqual({
      key: 'ci',
      name: 'ci',
      state: 'STOPPED',
      url: 'https://ci',
      description: '',
    });
  });
});
