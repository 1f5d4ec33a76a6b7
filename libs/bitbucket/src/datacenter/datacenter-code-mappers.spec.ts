import { datacenterCodeMappers } from './datacenter-code-mappers';

// Shapes from recorded Data Center responses (cdancy/bitbucket-rest: commit.json, branch.json,
// pull-request-changes.json, build-status.json, search.json) and the 9.4 spec.
describe('datacenterCodeMappers', () => {
  it('maps a commit by a Bitbucket user: display name, email, the user, epoch ms as ISO, parent ids', () => {
    expect(
      datacenterCodeMappers.commit({
        id: 'abcdef0123abcdef4567abcdef8987abcdef6543',
        author: { name: 'charlie', emailAddress: 'charlie@example.com', displayName: 'Charlie Brown' },
        authorTimestamp: 1484800877151,
        message: 'WIP on feature 1\n',
        parents: [{ id: 'bcdef0123abcdef4567abcdef8987abcdef6543a' }],
      }),
    ).toEqual({
      hash: 'abcdef0123abcdef4567abcdef8987abcdef6543',
      message: 'WIP on feature 1',
      authorName: 'Charlie Brown',
      authorEmail: 'charlie@example.com',
      author: { id: 'charlie', name: 'charlie', displayName: 'Charlie Brown' },
      date: '2017-01-19T04:41:17.151Z',
      parents: ['bcdef0123abcdef4567abcdef8987abcdef6543a'],
    });
  });

  it('keeps a git-only author (RestPerson) as a name and email, with no Bitbucket user', () => {
    const commit = datacenterCodeMappers.commit({
      id: 'h',
      author: { name: 'Build Robot', emailAddress: 'robot@example.com' },
    });
    expect(commit).toEqual({
      hash: 'h',
      message: '',
      authorName: 'Build Robot',
      authorEmail: 'robot@example.com',
      date: '',
      parents: [],
    });
  });

  it('maps branches with their default flag (isDefault, or the spec’s default) and tags without one', () => {
    expect(
      datacenterCodeMappers.ref(
        { displayId: 'dev-branch', latestCommit: '8d351a10', latestChangeset: '8d351a10', isDefault: false },
        'branch',
      ),
    ).toEqual({ name: 'dev-branch', type: 'branch', commit: '8d351a10', isDefault: false });
    expect(datacenterCodeMappers.ref({ displayId: 'main', latestChangeset: 'c1', default: true }, 'branch')).toEqual({
      name: 'main',
      type: 'branch',
      commit: 'c1',
      isDefault: true,
    });
    expect(datacenterCodeMappers.ref({ displayId: 'release/1.0', latestCommit: 't1' }, 'tag')).toEqual({
      name: 'release/1.0',
      type: 'tag',
      commit: 't1',
    });
  });

  it('maps changes: moves with their source path, copies, deletes, and unknown types as modifications', () => {
    expect(
      datacenterCodeMappers.fileChange({
        type: 'MOVE',
        path: { components: ['new', 'path', 'to', 'file'], toString: 'new/path/to/file' },
        srcPath: { components: ['path', 'to', 'file.txt'], toString: 'path/to/file.txt' },
      }),
    ).toEqual({ path: 'new/path/to/file', oldPath: 'path/to/file.txt', status: 'renamed' });
    expect(
      datacenterCodeMappers.fileChange({ type: 'COPY', path: { components: ['b.ts'] }, srcPath: { toString: 'a.ts' } }),
    ).toEqual({ path: 'b.ts', oldPath: 'a.ts', status: 'copied' });
    expect(datacenterCodeMappers.fileChange({ type: 'DELETE', path: { toString: 'gone.txt' } })).toEqual({
      path: 'gone.txt',
      status: 'removed',
    });
    expect(datacenterCodeMappers.fileChange({ type: 'UNKNOWN', path: { toString: 'x' } }).status).toBe('modified');
  });

  it('maps build statuses of both resources, CANCELLED as STOPPED and UNKNOWN as in progress', () => {
    expect(
      datacenterCodeMappers.buildStatus({
        dateAdded: 1492526977926,
        description: '#120 failed\n(1 test failed)\nin 45 minutes',
        key: 'AC-TEST',
        name: 'develop',
        state: 'FAILED',
        url: 'https://bamboo.acme.com/browse/AC-TEST-120',
      }),
    ).toEqual({
      key: 'AC-TEST',
      name: 'develop',
      state: 'FAILED',
      url: 'https://bamboo.acme.com/browse/AC-TEST-120',
      description: '#120 failed\n(1 test failed)\nin 45 minutes',
      updatedOn: '2017-04-18T14:49:37.926Z',
    });
    expect(
      datacenterCodeMappers.buildStatus({ key: 'ci', state: 'CANCELLED', updatedDate: 0, url: 'https://ci' }),
    ).toEqual({
      key: 'ci',
      name: 'ci',
      state: 'STOPPED',
      url: 'https://ci',
      description: '',
      updatedOn: '1970-01-01T00:00:00.000Z',
    });
    expect(datacenterCodeMappers.buildStatus({ key: 'ci', state: 'UNKNOWN' }).state).toBe('INPROGRESS');
  });

  it('names directory children from the repository root', () => {
    expect(
      datacenterCodeMappers.directoryEntry(
        { path: { toString: 'payment.ts' }, type: 'FILE', size: 120 },
        'src/payments',
      ),
    ).toEqual({ path: 'src/payments/payment.ts', type: 'file', size: 120 });
    expect(datacenterCodeMappers.directoryEntry({ path: { components: ['src'] }, type: 'DIRECTORY' }, '')).toEqual({
      path: 'src',
      type: 'directory',
    });
    expect(datacenterCodeMappers.directoryEntry({ path: { toString: 'vendor' }, type: 'SUBMODULE' }, '').type).toBe(
      'submodule',
    );
  });

  it('keeps only the matching lines of a search hit, highlights dropped and HTML escapes undone', () => {
    const hit = datacenterCodeMappers.searchHit({
      repository: { slug: 'isis-apps', project: { key: 'OB' } },
      file: 'app/src/main/java/example/PaymentIntent.java',
      hitContexts: [
        [
          { line: 1, text: 'package example.<em>paymentintent</em>;' },
          { line: 2, text: '' },
          { line: 5, text: '&#x2F;**' },
        ],
        [
          { line: 8, text: 'public class <em>PaymentIntent</em> &lt;T&gt; &amp;&#39;&quot;&#x2F;&#47;' },
          { line: 9, text: '{' },
        ],
      ],
      hitCount: 5,
    });
    expect(hit).toEqual({
      workspace: 'OB',
      repo: 'isis-apps',
      path: 'app/src/main/java/example/PaymentIntent.java',
      matchCount: 5,
      lines: [
        { line: 1, text: 'package example.paymentintent;' },
        { line: 8, text: `public class PaymentIntent <T> &'"//` },
      ],
    });
    // Escaped markup in the source stays text; unknown entities stay as written.
    expect(
      datacenterCodeMappers.searchHit({ hitContexts: [[{ line: 1, text: '&lt;em&gt; <em>x</em> &nbsp;' }]] }),
    ).toEqual({ workspace: '', repo: '', path: '', matchCount: 1, lines: [{ line: 1, text: '<em> x &nbsp;' }] });
  });
});
