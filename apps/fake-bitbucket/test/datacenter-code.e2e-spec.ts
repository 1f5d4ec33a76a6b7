import { basicAuth, FakeBitbucketProcess } from '@app/testing';

const API = '/rest/api/latest';
const REPO = `${API}/projects/PLAT/repos/payments-api`;
const ALICE = { Authorization: basicAuth('alice', 'alice-password') };
const BOB = { Authorization: basicAuth('bob', 'bob-password') };
const FRANK = { Authorization: basicAuth('frank', 'frank-password') };

interface Page<T> {
  readonly size: number;
  readonly limit: number;
  readonly isLastPage: boolean;
  readonly start: number;
  readonly nextPageStart?: number;
  readonly values: T[];
}
interface Ref {
  readonly id: string;
  readonly displayId: string;
  readonly type: string;
  readonly latestCommit: string;
  readonly latestChangeset: string;
  readonly isDefault?: boolean;
  readonly hash?: string;
}
interface Commit {
  readonly id: string;
  readonly displayId: string;
  readonly message: string;
  readonly parents: { readonly id: string }[];
  readonly authorTimestamp: number;
}
interface RestPath {
  readonly components: string[];
  readonly name: string;
  readonly parent: string;
  readonly extension?: string;
  readonly toString: string;
}
interface Change {
  readonly type: string;
  readonly path: RestPath;
  readonly srcPath?: RestPath;
  readonly contentId: string;
  readonly fromContentId: string;
  readonly properties: { readonly gitChangeType: string };
}
interface DiffLine {
  readonly source: number;
  readonly destination: number;
  readonly line: string;
}
interface Hunk {
  readonly sourceLine: number;
  readonly sourceSpan: number;
  readonly destinationLine: number;
  readonly destinationSpan: number;
  readonly segments: { readonly type: 'ADDED' | 'REMOVED' | 'CONTEXT'; readonly lines: DiffLine[] }[];
}
interface FileDiff {
  readonly source: RestPath | null;
  readonly destination: RestPath | null;
  readonly hunks?: Hunk[];
  readonly binary?: boolean;
}
interface Diff {
  readonly fromHash: string | null;
  readonly toHash: string;
  readonly contextLines: number;
  readonly whitespace: string;
  readonly diffs: FileDiff[];
}
interface DcError {
  readonly errors: {
    readonly context: string | null;
    readonly message: string;
    readonly exceptionName: string | null;
  }[];
}
interface SearchHit {
  readonly repository: { readonly slug: string; readonly project: { readonly key: string } };
  readonly file: string;
  readonly hitContexts: { readonly line: number; readonly text: string }[][];
  readonly pathMatches: { readonly text: string; readonly match?: boolean }[];
  readonly hitCount: number;
}
interface CodePage {
  readonly isLastPage: boolean;
  readonly count: number;
  readonly start: number;
  readonly nextStart?: number;
  readonly values: SearchHit[];
}

/** `@@ -a,b +c,d @@` and the body lines of every hunk of a raw diff. */
function rawHunks(raw: string): { header: number[]; lines: string[] }[] {
  const hunks: { header: number[]; lines: string[] }[] = [];
  for (const line of raw.split('\n')) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (header !== null) {
      const [, a = '', b = '1', c = '', d = '1'] = header;
      hunks.push({ header: [a, b, c, d].map(Number), lines: [] });
    } else if (/^[ +-]/.test(line) && !/^(---|\+\+\+) /.test(line)) hunks.at(-1)?.lines.push(line);
  }
  return hunks;
}

const PREFIX = { ADDED: '+', REMOVED: '-', CONTEXT: ' ' } as const;

describe('fake Bitbucket Data Center code routes (over real sockets)', () => {
  let fake: FakeBitbucketProcess;

  const call = async (path: string, init: RequestInit = {}, auth = ALICE): Promise<Response> =>
    fetch(`${fake.url}${path}`, {
      ...init,
      headers: {
        ...auth,
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  const json = async <T>(path: string, status = 200, init: RequestInit = {}, auth = ALICE): Promise<T> => {
    const res = await call(path, init, auth);
    const body = await res.text();
    expect({ path, status: res.status, body: res.status === status ? '' : body }).toEqual({ path, status, body: '' });
    return JSON.parse(body) as T;
  };
  const send = async <T>(method: string, path: string, body: unknown, status = 200, auth = ALICE): Promise<T> =>
    json<T>(path, status, { method, body: JSON.stringify(body) }, auth);
  const text = async (path: string, headers: Record<string, string> = {}): Promise<string> => {
    const res = await call(path, { headers });
    expect(res.status).toBe(200);
    return res.text();
  };
  const commitWith = async (message: string, until = 'main'): Promise<Commit> => {
    const page = await json<Page<Commit>>(`${REPO}/commits?until=${until}&limit=1000`);
    const commit = page.values.find((c) => c.message.startsWith(message));
    if (commit === undefined) throw new Error(`no commit "${message}"`);
    return commit;
  };

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });
  beforeEach(async () => {
    await fake.reset();
  });
  afterAll(async () => {
    await fake.stop();
  });

  describe('branches and tags', () => {
    it('creates a branch (a name with a slash), finds it by filterText, and refuses a duplicate name', async () => {
      const main = await json<Ref>(`${REPO}/branches/default`);
      expect(main).toMatchObject({ id: 'refs/heads/main', displayId: 'main', type: 'BRANCH', isDefault: true });
      expect(main.latestChangeset).toBe(main.latestCommit);

      const created = await send<Ref>('POST', `${REPO}/branches`, { name: 'release/2026-q1', startPoint: 'v0.1.0' });
      const tag = await json<Ref>(`${REPO}/tags/v0.1.0`);
      expect(created).toEqual({
        id: 'refs/heads/release/2026-q1',
        displayId: 'release/2026-q1',
        type: 'BRANCH',
        latestCommit: tag.latestCommit,
        latestChangeset: tag.latestCommit,
        isDefault: false,
      });
      const found = await json<Page<Ref>>(`${REPO}/branches?filterText=2026-Q1`);
      expect(found.values.map((b) => b.displayId)).toEqual(['release/2026-q1']);

      const duplicate = await send<DcError>(
        'POST',
        `${REPO}/branches`,
        { name: 'release/2026-q1', startPoint: 'main' },
        409,
      );
      expect(duplicate.errors[0]?.exceptionName).toBe('com.atlassian.bitbucket.repository.DuplicateRefException');
      const invalid = await send<DcError>('POST', `${REPO}/branches`, { name: 'a..b', startPoint: 'main' }, 400);
      expect(invalid.errors[0]?.context).toBe('name');
    });

    it('orders branches alphabetically or by modification, and boosts exact matches', async () => {
      const alphabetical = await json<Page<Ref>>(`${REPO}/branches?orderBy=ALPHABETICAL&limit=100`);
      const names = alphabetical.values.map((b) => b.displayId);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      const modified = await json<Page<Ref>>(`${REPO}/branches?orderBy=MODIFICATION&limit=1`);
      expect(modified.values[0]?.displayId).toBe('main');
      const boosted = await json<Page<Ref>>(`${REPO}/branches?filterText=feature/refunds&boostMatches=true`);
      expect(boosted.values[0]?.displayId).toBe('feature/refunds');
    });

    it('deletes a branch through branch-utils (204, also when it is already gone), but never the default', async () => {
      const utils = '/rest/branch-utils/latest/projects/PLAT/repos/payments-api/branches';
      await send('POST', `${REPO}/branches`, { name: 'tmp/delete-me', startPoint: 'main' });
      const res = await call(utils, { method: 'DELETE', body: JSON.stringify({ name: 'refs/heads/tmp/delete-me' }) });
      expect(res.status).toBe(204);
      const left = await json<Page<Ref>>(`${REPO}/branches?filterText=delete-me`);
      expect(left.values).toEqual([]);
      const again = await call(utils, { method: 'DELETE', body: JSON.stringify({ name: 'tmp/delete-me' }) });
      expect(again.status).toBe(204);
      const refused = await send<DcError>('DELETE', utils, { name: 'main' }, 400);
      expect(refused.errors[0]?.message).toContain('default branch');
    });

    it('lists, reads and creates tags, names with slashes included', async () => {
      const tags = await json<Page<Ref>>(`${REPO}/tags?orderBy=ALPHABETICAL`);
      expect(tags.values.map((t) => t.displayId)).toEqual(['v0.1.0', 'v0.2.0']);
      const main = await json<Ref>(`${REPO}/branches/default`);
      const created = await send<Ref>('POST', `${REPO}/tags`, {
        name: 'release/1.0',
        startPoint: 'main',
        message: 'GA',
      });
      expect(created).toMatchObject({ id: 'refs/tags/release/1.0', displayId: 'release/1.0', type: 'TAG' });
      expect(created.latestCommit).toBe(main.latestCommit);
      expect(await json<Ref>(`${REPO}/tags/release/1.0`)).toEqual(created);
      const missing = await json<DcError>(`${REPO}/tags/v9`, 404);
      expect(missing.errors[0]?.exceptionName).toBe('com.atlassian.bitbucket.repository.NoSuchTagException');
    });
  });

  describe('commits', () => {
    it('walks all 250 commits of release-notes with limit=30 through nextPageStart, each once', async () => {
      const seen: string[] = [];
      let start: number | undefined = 0;
      let pages = 0;
      while (start !== undefined) {
        const page: Page<Commit> = await json<Page<Commit>>(
          `/rest/api/1.0/projects/PLAT/repos/release-notes/commits?limit=30&start=${start}`,
        );
        expect(page.limit).toBe(30);
        seen.push(...page.values.map((c) => c.id));
        start = page.isLastPage ? undefined : page.nextPageStart;
        pages += 1;
      }
      expect(pages).toBe(9);
      expect(seen).toHaveLength(250);
      expect(new Set(seen).size).toBe(250);
      const first = await json<Page<Commit>>(`/rest/api/latest/projects/PLAT/repos/release-notes/commits?limit=1`);
      expect(first.values[0]?.message).toBe('Release note 250');
    });

    it('filters by until/since, path (following renames) and merges, with counts', async () => {
      const refunds = await json<Page<Commit>>(`${REPO}/commits?until=feature/refunds&since=main`);
      expect(refunds.values.map((c) => c.message)).toEqual([
        'Document refunds',
        'Refuse refunds above the captured amount',
        'Add refund service',
      ]);
      const renamed = await json<Page<Commit>>(`${REPO}/commits?path=src/http-server.ts`);
      expect(renamed.values.map((c) => c.message)).toEqual(['Rename server.ts to http-server.ts']);
      const followed = await json<Page<Commit>>(`${REPO}/commits?path=src/http-server.ts&followRenames=true`);
      expect(followed.values.map((c) => c.message)).toEqual([
        'Rename server.ts to http-server.ts',
        'Log every request with its duration',
        'Add HTTP server entry point',
      ]);
      const merges = await json<Page<Commit> & { totalCount: number }>(`${REPO}/commits?merges=only&withCounts=true`);
      expect(merges.values.every((c) => c.parents.length === 2)).toBe(true);
      expect(merges.totalCount).toBe(2);
    });

    it('reads a commit by a short id, and its changes (a move keeps its source path)', async () => {
      const rename = await commitWith('Rename server.ts');
      expect(await json<Commit>(`${REPO}/commits/${rename.id.slice(0, 8)}`)).toEqual(rename);
      const changes = await json<Page<Change> & { fromHash: string; toHash: string }>(
        `${REPO}/commits/${rename.id}/changes`,
      );
      expect(changes.fromHash).toBe(rename.parents[0]?.id);
      expect(changes.values).toHaveLength(1);
      expect(changes.values[0]).toMatchObject({
        type: 'MOVE',
        path: { toString: 'src/http-server.ts', name: 'http-server.ts', parent: 'src', extension: 'ts' },
        srcPath: { toString: 'src/server.ts' },
        properties: { gitChangeType: 'RENAME' },
      });
    });

    it('compares a feature branch with main: its commits and the changes since it left main', async () => {
      const commits = await json<Page<Commit>>(`${REPO}/compare/commits?from=feature/refunds&to=main`);
      expect(commits.values.map((c) => c.message)).toEqual([
        'Document refunds',
        'Refuse refunds above the captured amount',
        'Add refund service',
      ]);
      const changes = await json<Page<Change>>(`${REPO}/compare/changes?from=refs/heads/feature/refunds&to=main`);
      expect(changes.values.map((c) => [c.type, c.path.toString])).toEqual([
        ['MODIFY', 'docs/api.md'],
        ['ADD', 'src/refunds/refund.service.ts'],
      ]);
      expect(changes.values[1]?.fromContentId).toBe('0'.repeat(40));
      const back = await json<Page<Commit>>(`${REPO}/compare/commits?from=main&to=feature/refunds`);
      expect(back.values.map((c) => c.message)).not.toContain('Add refund service');
    });

    it('answers the merge base of two commits, and requires the other one', async () => {
      const forked = await commitWith('Add refund service', 'feature/refunds');
      const main = await json<Ref>(`${REPO}/branches/default`);
      const base = await json<Commit>(`${REPO}/commits/${forked.id}/merge-base?otherCommitId=${main.latestCommit}`);
      expect(base.id).toBe(forked.parents[0]?.id);
      expect(await json<Commit>(`${REPO}/commits/${main.latestCommit}/merge-base?otherCommitId=${forked.id}`)).toEqual(
        base,
      );
      const missing = await json<DcError>(`${REPO}/commits/${forked.id}/merge-base`, 400);
      expect(missing.errors[0]?.context).toBe('otherCommitId');
    });
  });

  describe('diffs', () => {
    it('answers a commit diff as RestDiff whose hunks match the raw diff line for line', async () => {
      const commit = await commitWith('Reject captures of cancelled payments');
      const path = `${REPO}/commits/${commit.id}/diff/src/payments/payment.service.ts?contextLines=3`;
      const diff = await json<Diff>(path);
      expect(diff).toMatchObject({ fromHash: null, toHash: commit.id, contextLines: 3, whitespace: 'SHOW' });
      expect(diff.diffs).toHaveLength(1);
      const raw = await text(path, { Accept: 'text/plain' });
      expect(raw).toContain('diff --git a/src/payments/payment.service.ts b/src/payments/payment.service.ts');
      const expected = rawHunks(raw);
      const hunks = diff.diffs[0]?.hunks ?? [];
      expect(hunks.length).toBeGreaterThan(0);
      expect(hunks.map((h) => [h.sourceLine, h.sourceSpan, h.destinationLine, h.destinationSpan])).toEqual(
        expected.map((h) => h.header),
      );
      expect(hunks.map((h) => h.segments.flatMap((s) => s.lines.map((l) => `${PREFIX[s.type]}${l.line}`)))).toEqual(
        expected.map((h) => h.lines),
      );
      // Each line's numbers: context lines on both sides, a removed line on the source, an added one on the destination.
      for (const hunk of hunks) {
        let source = hunk.sourceLine;
        let destination = hunk.destinationLine;
        for (const segment of hunk.segments) {
          for (const line of segment.lines) {
            if (segment.type !== 'ADDED') expect(line.source).toBe(source++);
            if (segment.type !== 'REMOVED') expect(line.destination).toBe(destination++);
          }
        }
      }
    });

    it('diffs two revisions (until required), flags binary files, and defaults to 10 lines of context', async () => {
      const logo = await commitWith('Add the merchant logo');
      const diff = await json<Diff>(`${REPO}/diff?until=${logo.id}&since=${logo.parents[0]?.id ?? ''}`);
      expect(diff).toMatchObject({ fromHash: logo.parents[0]?.id, toHash: logo.id, contextLines: 10 });
      expect(diff.diffs).toEqual([
        {
          source: null,
          destination: expect.objectContaining({ toString: 'assets/logo.png', extension: 'png' }) as unknown,
          binary: true,
          truncated: false,
        },
      ]);
      const raw = await text(`${REPO}/diff/assets/logo.png?until=${logo.id}`, { Accept: 'text/plain' });
      expect(raw).toContain('Binary files /dev/null and b/assets/logo.png differ');
      const missing = await json<DcError>(`${REPO}/diff/README.md`, 400);
      expect(missing.errors[0]?.context).toBe('until');
    });

    it('diffs a comparison from the merge base, and writes patches', async () => {
      const compare = await json<Diff>(`${REPO}/compare/diff/src?from=feature/refunds&to=main`);
      expect(compare.diffs.map((d) => [d.source, d.destination?.toString])).toEqual([
        [null, 'src/refunds/refund.service.ts'],
      ]);
      const added = compare.diffs[0]?.hunks?.[0];
      expect(added).toMatchObject({ sourceLine: 0, sourceSpan: 0, destinationLine: 1 });
      expect(added?.segments.map((s) => s.type)).toEqual(['ADDED']);

      const commit = await commitWith('Add refund service', 'feature/refunds');
      const single = await text(`${REPO}/patch?until=${commit.id}`);
      expect(single).toMatch(new RegExp(`^From ${commit.id} `));
      expect(single).toContain('Subject: [PATCH] Add refund service');
      const series = await text(`${REPO}/patch?since=main&until=feature/refunds`);
      expect(series).toContain('Subject: [PATCH 1/3] Add refund service');
      expect(series).toContain('Subject: [PATCH 3/3] Document refunds');
    });
  });

  describe('files', () => {
    it('serves raw bytes and pages a text file’s lines with start and limit', async () => {
      const raw = await call(`${REPO}/raw/README.md?at=main`);
      expect(raw.headers.get('content-type')).toContain('text/markdown');
      const lines = (await raw.text()).split('\n');
      const first = await json<{ lines: { text: string }[]; start: number; size: number; isLastPage: boolean }>(
        `${REPO}/browse/README.md?limit=2`,
      );
      expect(first).toMatchObject({ start: 0, size: 2, isLastPage: false, nextPageStart: 2 });
      expect(first.lines.map((l) => l.text)).toEqual(lines.slice(0, 2));
      const rest = await json<{ lines: { text: string }[]; isLastPage: boolean }>(
        `${REPO}/browse/README.md?start=2&limit=500`,
      );
      expect(rest.isLastPage).toBe(true);
      expect([...first.lines, ...rest.lines].map((l) => l.text).join('\n')).toBe(lines.slice(0, -1).join('\n'));
      const png = await call(`${REPO}/raw/assets/logo.png`);
      expect(png.headers.get('content-type')).toBe('image/png');
      expect(
        Buffer.from(await png.arrayBuffer())
          .subarray(1, 4)
          .toString('latin1'),
      ).toBe('PNG');
    });

    it('browses a directory (directories first), a binary file, and answers type and size alone', async () => {
      const root = await json<{ path: RestPath; revision: string; children: Page<{ path: RestPath; type: string }> }>(
        `${REPO}/browse?at=refs/heads/main`,
      );
      expect(root.path.toString).toBe('');
      expect(root.revision).toBe('refs/heads/main');
      const types = root.children.values.map((c) => c.type);
      expect(types.indexOf('FILE')).toBeGreaterThan(types.lastIndexOf('DIRECTORY'));
      expect(root.children.values.map((c) => c.path.toString)).toContain('README.md');
      const src = await json<{ children: Page<{ path: RestPath; type: string }> }>(`${REPO}/browse/src/payments`);
      expect(src.children.values.map((c) => c.path.name)).toEqual(['currency.ts', 'payment.service.ts', 'payment.ts']);
      const binary = await json<{ binary: boolean; path: RestPath }>(`${REPO}/browse/assets/logo.png`);
      expect(binary).toMatchObject({ binary: true, path: { toString: 'assets/logo.png' } });
      expect(await json(`${REPO}/browse/src?type=true`)).toEqual({ type: 'DIRECTORY' });
      expect(await json(`${REPO}/browse/README.md?type=true`)).toEqual({ type: 'FILE' });
      const size = await json<{ size: number }>(`${REPO}/browse/README.md?size=true`);
      expect(size.size).toBe((await text(`${REPO}/raw/README.md`)).length);
    });

    it('lists every file below a path, recursively and relative to it, at a revision', async () => {
      const files = await json<Page<string>>(`${REPO}/files/src?at=v0.1.0`);
      expect(files.values).toEqual(['payments/payment.service.ts', 'payments/payment.ts', 'server.ts']);
      const all = await json<Page<string>>(`${REPO}/files?limit=1000`);
      expect(all.values).toContain('src/http-server.ts');
      expect(all.values).not.toContain('src/server.ts');
    });
  });

  it('records a build status (updated in place by key) and lists it', async () => {
    const main = await json<Ref>(`${REPO}/branches/default`);
    const statuses = `/rest/build-status/latest/commits/${main.latestCommit}`;
    const post = async (body: unknown): Promise<void> => {
      const res = await call(statuses, { method: 'POST', body: JSON.stringify(body) });
      expect(res.status).toBe(204);
    };
    await post({ state: 'INPROGRESS', key: 'jenkins', name: 'Jenkins #7', url: 'https://ci.example/7' });
    await post({ state: 'SUCCESSFUL', key: 'jenkins', url: 'https://ci.example/7', description: 'green' });
    const page =
      await json<Page<{ key: string; state: string; name: string; description: string; dateAdded: number }>>(statuses);
    const jenkins = page.values.filter((s) => s.key === 'jenkins');
    expect(jenkins).toEqual([
      {
        state: 'SUCCESSFUL',
        key: 'jenkins',
        name: 'Jenkins #7',
        url: 'https://ci.example/7',
        description: 'green',
        dateAdded: expect.any(Number) as unknown,
      },
    ]);
    const single = await json<{ key: string; state: string }>(
      `${REPO}/commits/${main.latestCommit}/builds?key=jenkins`,
    );
    expect(single).toMatchObject({ key: 'jenkins', state: 'SUCCESSFUL' });
    const invalid = await send<DcError>('POST', statuses, { state: 'SUCCESSFUL', url: 'https://ci.example/8' }, 400);
    expect(invalid.errors[0]?.context).toBe('key');
  });

  it('searches code with <em> highlights, pages with nextStart, and only in repositories the caller sees', async () => {
    const search = async (query: string, start: number, limit: number, auth = ALICE): Promise<{ code: CodePage }> =>
      send('POST', '/rest/search/latest/search', { query, entities: { code: { start, limit } } }, 200, auth);
    const first = await search('payment', 0, 2);
    expect(first.code).toMatchObject({ isLastPage: false, start: 0, nextStart: 2 });
    expect(first.code.values).toHaveLength(2);
    const hit = first.code.values[0];
    expect(hit?.hitCount).toBeGreaterThan(0);
    expect(hit?.hitContexts.flat().some((l) => /<em>payment<\/em>/i.test(l.text))).toBe(true);
    expect(hit?.hitContexts.flat().every((l) => !l.text.replace(/<\/?em>/g, '').includes('<'))).toBe(true);
    expect(hit?.pathMatches.some((p) => p.match === true && p.text.toLowerCase() === 'payment')).toBe(true);
    const files: string[] = [];
    let start: number | undefined = 0;
    while (start !== undefined) {
      const page: { code: CodePage } = await search('payment', start, 2);
      files.push(...page.code.values.map((v) => `${v.repository.slug}/${v.file}`));
      start = page.code.nextStart;
    }
    expect(files).toHaveLength(first.code.count);
    expect(new Set(files).size).toBe(files.length);

    const scoped = await search('project:WEB repo:design-system button', 0, 10);
    expect(scoped.code.values.map((v) => [v.repository.project.key, v.file])).toEqual([['WEB', 'src/button.ts']]);
    const frank = await search('payment', 0, 10, FRANK);
    expect(frank.code.values.every((v) => v.repository.project.key === 'LAB')).toBe(true);
  });

  it('answers Data Center’s 404 bodies for an unknown project, repository, commit and path', async () => {
    const expectError = async (path: string, exceptionName: string, message: string): Promise<void> => {
      const body = await json<DcError>(path, 404);
      expect(body).toEqual({ errors: [{ context: null, message, exceptionName }] });
    };
    await expectError(
      `${API}/projects/NOPE/repos/payments-api/commits`,
      'com.atlassian.bitbucket.project.NoSuchProjectException',
      'Project NOPE does not exist.',
    );
    await expectError(
      `${API}/projects/PLAT/repos/nope/branches`,
      'com.atlassian.bitbucket.repository.NoSuchRepositoryException',
      'Repository PLAT/nope does not exist.',
    );
    await expectError(
      `${REPO}/commits/0123456789abcdef`,
      'com.atlassian.bitbucket.commit.NoSuchCommitException',
      "Commit '0123456789abcdef' does not exist in repository 'payments-api'.",
    );
    await expectError(
      `${REPO}/browse/docs/nope.md?at=main`,
      'com.atlassian.bitbucket.content.NoSuchPathException',
      'The path "docs/nope.md" does not exist at revision "main"',
    );
    const hidden = await json<DcError>(`${API}/projects/LAB/repos/ml-experiments/commits`, 404, {}, BOB);
    expect(hidden.errors[0]?.message).toBe('Project LAB does not exist.');
    expect((await call(`${REPO}/raw/nope.txt`)).status).toBe(404);
  });
});
