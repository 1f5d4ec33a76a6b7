import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { basicAuth, FakeBitbucketProcess } from '@app/testing';

const ALICE = { Authorization: basicAuth('alice@acme.example', 'ATATT-fake-alice') };
const REPO = '/2.0/repositories/acme/payments-api';

interface Page<T> {
  readonly size?: number;
  readonly page?: number;
  readonly pagelen: number;
  readonly next?: string;
  readonly values: T[];
}
interface CallOptions {
  readonly method?: string;
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly redirect?: 'manual' | 'follow';
}
interface Named {
  readonly name: string;
}
interface State {
  readonly name: string;
  readonly type: string;
  readonly stage?: State;
  readonly result?: State & { readonly terminator?: { readonly nickname: string } };
}
interface Pipeline {
  readonly uuid: string;
  readonly build_number: number;
  readonly state: State;
}
interface Step {
  readonly uuid: string;
  readonly name: string;
  readonly state: State;
}

describe('fake Bitbucket Cloud code routes (over real sockets)', () => {
  let fake: FakeBitbucketProcess;

  const call = async (path: string, init: CallOptions = {}): Promise<Response> =>
    fetch(path.startsWith('http') ? path : `${fake.url}${path}`, {
      ...init,
      headers: {
        ...ALICE,
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...init.headers,
      },
    });
  const json = async <T>(path: string, init: CallOptions = {}, status = 200): Promise<T> => {
    const res = await call(path, init);
    const text = await res.text();
    expect({ status: res.status, path, text: res.status === status ? '' : text }).toEqual({ status, path, text: '' });
    return JSON.parse(text) as T;
  };
  const post = async <T>(path: string, body: unknown, status = 201): Promise<T> =>
    json<T>(path, { method: 'POST', body: JSON.stringify(body) }, status);
  const text = async (path: string, init: CallOptions = {}): Promise<string> => {
    const res = await call(path, init);
    expect(res.status).toBe(200);
    return res.text();
  };
  /** Polls a pipeline until `done` holds (pipelines advance with the clock). */
  const pipelineUntil = async (path: string, done: (p: Pipeline) => boolean): Promise<Pipeline> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const pipeline = await json<Pipeline>(path);
      if (done(pipeline) || Date.now() > deadline) return pipeline;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
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

  describe('refs', () => {
    it('creates, lists, reads and deletes a branch with a slash in its name', async () => {
      const main = await json<{ target: { hash: string } }>(`${REPO}/refs/branches/main`);
      const created = await post<{ name: string; target: { hash: string }; merge_strategies: string[] }>(
        `${REPO}/refs/branches`,
        { name: 'feature/e2e', target: { hash: 'main' } },
      );
      expect(created).toMatchObject({ type: 'branch', name: 'feature/e2e', target: { hash: main.target.hash } });
      expect(created.merge_strategies).toHaveLength(6);
      const listed = await json<Page<Named>>(`${REPO}/refs/branches?q=${encodeURIComponent('name ~ "e2e"')}`);
      expect(listed.values.map((b) => b.name)).toEqual(['feature/e2e']);
      expect(await json<Named>(`${REPO}/refs/branches/feature/e2e`)).toMatchObject({ name: 'feature/e2e' });

      expect(await post(`${REPO}/refs/branches`, { name: 'feature/e2e', target: { hash: 'main' } }, 400)).toMatchObject(
        { type: 'error', error: { message: expect.stringContaining('already exists') as string } },
      );

      expect((await call(`${REPO}/refs/branches/feature/e2e`, { method: 'DELETE' })).status).toBe(204);
      expect((await call(`${REPO}/refs/branches/feature/e2e`)).status).toBe(404);
      const after = await json<Page<Named>>(`${REPO}/refs/branches?pagelen=100`);
      expect(after.values.map((b) => b.name)).not.toContain('feature/e2e');
    });

    it('lists branches then tags in ref order and creates an annotated tag', async () => {
      const refs = await json<Page<{ type: string; name: string }>>(`${REPO}/refs?pagelen=100`);
      const types = refs.values.map((r) => r.type);
      expect(types.indexOf('tag')).toBe(types.lastIndexOf('branch') + 1);
      expect(refs.values.filter((r) => r.type === 'tag').map((r) => r.name)).toEqual(['v0.1.0', 'v0.2.0']);

      const tag = await post<Record<string, unknown>>(`${REPO}/refs/tags`, {
        name: 'v0.3.0',
        target: { hash: 'feature/refunds' },
        message: 'Refunds',
      });
      expect(tag).toMatchObject({ type: 'tag', name: 'v0.3.0', message: 'Refunds\n', tagger: { type: 'author' } });
      expect(await json(`${REPO}/refs/tags/v0.3.0`)).toEqual(tag);
      expect(await post(`${REPO}/refs/tags`, { name: 'v0.4.0', target: { hash: 'nope' } }, 400)).toMatchObject({
        type: 'error',
      });
      expect((await call(`${REPO}/refs/tags/v0.3.0`, { method: 'DELETE' })).status).toBe(204);
      expect((await call(`${REPO}/refs/tags/v0.3.0`)).status).toBe(404);
    });
  });

  describe('commits', () => {
    it('walks all 250 commits of release-notes through `next` exactly once, newest first', async () => {
      const hashes: string[] = [];
      const dates: string[] = [];
      let next: string | undefined = '/2.0/repositories/acme/release-notes/commits?pagelen=30';
      let pages = 0;
      while (next !== undefined) {
        const page: Page<{ hash: string; date: string }> = await json(next);
        expect(page).not.toHaveProperty('size');
        expect(page).not.toHaveProperty('page');
        expect(page.pagelen).toBe(30);
        hashes.push(...page.values.map((c) => c.hash));
        dates.push(...page.values.map((c) => c.date));
        next = page.next;
        pages += 1;
      }
      expect(pages).toBe(9);
      expect(hashes).toHaveLength(250);
      expect(new Set(hashes).size).toBe(250);
      expect([...dates].sort().reverse()).toEqual(dates);
    });

    it('filters by include, exclude and path, and reads one commit', async () => {
      const refunds = await json<Page<{ summary: { raw: string } }>>(`${REPO}/commits/feature/refunds?exclude=main`);
      expect(refunds.values.map((c) => c.summary.raw)).toEqual([
        'Document refunds',
        'Refuse refunds above the captured amount',
        'Add refund service',
      ]);
      const readme = await json<Page<{ summary: { raw: string } }>>(
        `${REPO}/commits?include=main&path=README.md&pagelen=50`,
      );
      expect(readme.values.map((c) => c.summary.raw)).toEqual(['Document the API in the README', 'Initial commit']);
      const commit = await json<{ hash: string; parents: unknown[] }>(`${REPO}/commit/v0.1.0`);
      expect(commit.hash).toMatch(/^[0-9a-f]{40}$/);
      expect(commit.parents).toHaveLength(1);
    });

    it('creates a build status, then updates it by key', async () => {
      const body = { key: 'e2e', state: 'INPROGRESS', url: 'https://ci.example/1', name: 'E2E #1' };
      expect(await post(`${REPO}/commit/main/statuses/build`, body, 201)).toMatchObject({
        type: 'build',
        key: 'e2e',
        state: 'INPROGRESS',
      });
      await post(`${REPO}/commit/main/statuses/build`, { ...body, state: 'SUCCESSFUL' }, 200);
      const statuses = await json<Page<{ key: string; state: string }>>(`${REPO}/commit/main/statuses`);
      expect(statuses.values.map((s) => [s.key, s.state])).toEqual([
        ['acme-ci', 'SUCCESSFUL'],
        ['e2e', 'SUCCESSFUL'],
      ]);
    });
  });

  describe('diffs', () => {
    it('serves a raw three-dot diff that git apply --check accepts on the merge base', async () => {
      const base = await json<{ hash: string }>(`${REPO}/merge-base/feature/refunds..main`);
      const res = await call(`${REPO}/diff/feature/refunds..main`);
      expect(res.headers.get('content-type')).toBe('text/plain');
      const diff = await res.text();
      expect(diff).toContain('diff --git a/docs/api.md b/docs/api.md\nindex ');
      expect(diff).toMatch(
        /^new file mode 100644\nindex 0000000\.\.[0-9a-f]{7}\n--- \/dev\/null\n\+\+\+ b\/src\/refunds\/refund\.service\.ts\n@@ -0,0 \+1,\d+ @@$/m,
      );
      expect(diff).not.toContain('src/payments/');

      const dir = mkdtempSync(join(tmpdir(), 'cloud-diff-'));
      const oldFiles = [...diff.matchAll(/^diff --git a\/(\S+) b\/\S+\n(?!new file)/gm)].map(([, path]) => path ?? '');
      expect(oldFiles).toEqual(['docs/api.md']);
      try {
        for (const path of oldFiles) {
          const file = join(dir, path);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, await text(`${REPO}/src/${base.hash}/${path}`));
        }
        writeFileSync(join(dir, 'change.diff'), diff);
        execFileSync('git', ['init', '-q', '.'], { cwd: dir });
        expect(() =>
          execFileSync('git', ['apply', '--check', 'change.diff'], { cwd: dir, stdio: 'pipe' }),
        ).not.toThrow();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('shows binary files as differing, and accepts the spec form of pull request diff redirects', async () => {
      const logo = await json<Page<{ hash: string }>>(`${REPO}/commits/main?path=assets/logo.png`);
      const added = logo.values.at(-1)?.hash ?? '';
      expect(await text(`${REPO}/diff/${added}`)).toMatch(
        /^diff --git a\/assets\/logo\.png b\/assets\/logo\.png\nnew file mode 100644\nindex 0000000\.\.[0-9a-f]{7}\nBinary files \/dev\/null and b\/assets\/logo\.png differ\n$/,
      );
      const prDiff = await text(`${REPO}/diff/acme/payments-api:feature/refunds%0Dmain?from_pullrequest_id=3`);
      expect(prDiff).toBe(await text(`${REPO}/diff/feature/refunds..main`));
      const stat = await json<Page<{ status: string; lines_added: number; old: unknown; new: { path: string } }>>(
        `${REPO}/diffstat/acme/payments-api:feature/refunds%0Dmain?from_pullrequest_id=3`,
      );
      expect(stat.values.map((s) => [s.status, s.new.path, s.old === null])).toEqual([
        ['modified', 'docs/api.md', false],
        ['added', 'src/refunds/refund.service.ts', true],
      ]);
    });
  });

  describe('source', () => {
    it('serves a text file, a binary file and their meta data', async () => {
      const readme = await call(`${REPO}/src/main/README.md`);
      expect(readme.headers.get('content-type')).toBe('text/markdown');
      expect(await readme.text()).toMatch(/^# payments-api\n/);
      const logo = await call(`${REPO}/src/v0.2.0/assets/logo.png`);
      expect(logo.headers.get('content-type')).toBe('image/png');
      const bytes = Buffer.from(await logo.arrayBuffer());
      expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(await json(`${REPO}/src/v0.2.0/assets/logo.png?format=meta`)).toMatchObject({
        type: 'commit_file',
        path: 'assets/logo.png',
        size: bytes.length,
        attributes: ['binary'],
        mimetype: 'image/png',
      });
    });

    it('lists directories first, recurses with max_depth, and redirects /src to the main head', async () => {
      const root = await json<Page<{ type: string; path: string }>>(`${REPO}/src/main/?pagelen=100`);
      expect(root.values.slice(0, 4).map((e) => [e.type, e.path])).toEqual([
        ['commit_directory', 'assets'],
        ['commit_directory', 'docs'],
        ['commit_directory', 'src'],
        ['commit_directory', 'test'],
      ]);
      expect(root.values.map((e) => e.path)).toContain('README.md');
      const deep = await json<Page<{ path: string }>>(`${REPO}/src/main/src?max_depth=2&pagelen=100`);
      expect(deep.values.map((e) => e.path)).toContain('src/payments/payment.service.ts');

      const redirect = await call(`${REPO}/src`, { redirect: 'manual' });
      expect(redirect.status).toBe(302);
      const head = await json<{ target: { hash: string } }>(`${REPO}/refs/branches/main`);
      expect(redirect.headers.get('location')).toBe(`${fake.url}${REPO}/src/${head.target.hash}/`);
    });
  });

  it('finds code on the main branches of the workspace, with matching segments', async () => {
    type Hits = Page<{
      file: { path: string };
      content_matches: { lines: { segments: { text: string; match?: boolean }[] }[] }[];
    }>;
    // RefundService is only on feature/refunds: search looks at main branches.
    const featureOnly = await json<Hits>(
      '/2.0/workspaces/acme/search/code?search_query=RefundService%20repo:payments-api',
    );
    expect(featureOnly.values).toEqual([]);
    const hits = await json<Hits & { query_substituted: boolean }>(
      '/2.0/workspaces/acme/search/code?search_query=captured%20ext:ts',
    );
    expect(hits.query_substituted).toBe(false);
    expect(hits.values.map((v) => v.file.path)).toContain('src/payments/payment.service.ts');
    const segments = hits.values.flatMap((v) => v.content_matches.flatMap((m) => m.lines.flatMap((l) => l.segments)));
    expect(segments.filter((s) => s.match === true).map((s) => s.text.toLowerCase())).toContain('captured');
    expect((await call('/2.0/workspaces/acme/search/code')).status).toBe(400);
  });

  describe('pipelines', () => {
    const trigger = async (): Promise<{ pipeline: Pipeline; path: string }> => {
      const res = await call(`${REPO}/pipelines`, {
        method: 'POST',
        body: JSON.stringify({ target: { type: 'pipeline_ref_target', ref_type: 'branch', ref_name: 'main' } }),
      });
      expect(res.status).toBe(201);
      const pipeline = (await res.json()) as Pipeline;
      expect(res.headers.get('location')).toBe(`${fake.url}${REPO}/pipelines/${encodeURIComponent(pipeline.uuid)}`);
      return { pipeline, path: `${REPO}/pipelines/${encodeURIComponent(pipeline.uuid)}` };
    };

    it('numbers triggered pipelines on from the six seeded ones: #7, then #8', async () => {
      await fake.settings({ pipelinePendingMs: 60_000 });
      expect((await trigger()).pipeline.build_number).toBe(7);
      expect((await trigger()).pipeline.build_number).toBe(8);
    });

    it('runs a triggered pipeline from PENDING through IN_PROGRESS to COMPLETED SUCCESSFUL', async () => {
      await fake.settings({ pipelinePendingMs: 300, pipelineStepMs: 300 });
      const { pipeline, path } = await trigger();
      expect(pipeline.state).toEqual({ name: 'PENDING', type: 'pipeline_state_pending' });
      const running = await pipelineUntil(path, (p) => p.state.name !== 'PENDING');
      expect(running.state).toEqual({
        name: 'IN_PROGRESS',
        type: 'pipeline_state_in_progress',
        stage: { name: 'RUNNING', type: 'pipeline_state_in_progress_running' },
      });
      const done = await pipelineUntil(path, (p) => p.state.name === 'COMPLETED');
      expect(done.state).toEqual({
        name: 'COMPLETED',
        type: 'pipeline_state_completed',
        result: { name: 'SUCCESSFUL', type: 'pipeline_state_completed_successful' },
      });
      const steps = await json<Page<Step>>(`${path}/steps`);
      expect(steps.values.map((s) => s.state.result?.type)).toEqual([
        'pipeline_step_state_completed_successful',
        'pipeline_step_state_completed_successful',
        'pipeline_step_state_completed_successful',
      ]);
      const listed = await json<Page<Pipeline>>(`${REPO}/pipelines?pagelen=1`);
      expect(listed.values[0]?.uuid).toBe(pipeline.uuid);
    });

    it('stops a running pipeline: STOPPED, the rest NOT_RUN, and a second stop is refused', async () => {
      await fake.settings({ pipelinePendingMs: 0, pipelineStepMs: 60_000 });
      const { path } = await trigger();
      await pipelineUntil(path, (p) => p.state.name === 'IN_PROGRESS');
      expect((await call(`${path}/stopPipeline`, { method: 'POST' })).status).toBe(204);
      const stopped = await json<Pipeline>(path.replace(/%7B|%7D/g, ''));
      expect(stopped.state).toMatchObject({
        name: 'COMPLETED',
        result: { name: 'STOPPED', type: 'pipeline_state_completed_stopped', terminator: { nickname: 'alice' } },
      });
      const steps = await json<Page<Step>>(`${path}/steps`);
      expect(steps.values.map((s) => s.state.result?.name)).toEqual(['STOPPED', 'NOT_RUN', 'NOT_RUN']);
      expect(steps.values[1]?.state.result?.type).toBe('pipeline_step_state_completed_not_run');
      expect((await call(`${path}/stopPipeline`, { method: 'POST' })).status).toBe(400);
    });

    it('reads a step log whole and by byte range', async () => {
      const seeded = await json<Page<Pipeline>>(`${REPO}/pipelines?q=${encodeURIComponent('build_number = 1')}`);
      const path = `${REPO}/pipelines/${encodeURIComponent(seeded.values[0]?.uuid ?? '')}`;
      const step = (await json<Page<Step>>(`${path}/steps`)).values[0];
      const logPath = `${path}/steps/${encodeURIComponent(step?.uuid ?? '')}/log`;
      const whole = await call(logPath);
      expect(whole.headers.get('content-type')).toBe('application/octet-stream');
      const log = await whole.text();
      expect(log).toContain('+ npm run lint\n');
      const part = await call(logPath, { headers: { Range: 'bytes=2-11' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 2-11/${Buffer.byteLength(log)}`);
      expect(await part.text()).toBe(log.slice(2, 12));
      const tail = await call(logPath, { headers: { Range: 'bytes=-5' } });
      expect(await tail.text()).toBe(log.slice(-5));
      const outside = await call(logPath, { headers: { Range: `bytes=${Buffer.byteLength(log)}-` } });
      expect(outside.status).toBe(416);
      expect(outside.headers.get('content-range')).toBe(`bytes */${Buffer.byteLength(log)}`);
    });
  });

  it('creates an issue and comments on it', async () => {
    const issue = await post<{ id: number; reporter: { nickname: string }; assignee: { nickname: string } }>(
      `${REPO}/issues`,
      { title: 'Export refunds', content: { raw: 'Finance asks.' }, kind: 'task', assignee: { nickname: 'carol' } },
    );
    expect(issue).toMatchObject({
      type: 'issue',
      title: 'Export refunds',
      state: 'new',
      kind: 'task',
      priority: 'major',
      content: { raw: 'Finance asks.', markup: 'markdown' },
      reporter: { nickname: 'alice' },
      assignee: { nickname: 'carol' },
    });
    await post(`${REPO}/issues/${issue.id}/comments`, { content: { raw: 'Taking it.' } });
    const comments = await json<Page<{ content: { raw: string }; user: { nickname: string } }>>(
      `${REPO}/issues/${issue.id}/comments`,
    );
    expect(comments.values.map((c) => [c.user.nickname, c.content.raw])).toEqual([['alice', 'Taking it.']]);
    expect(await json(`${REPO}/issues/${issue.id}`)).toMatchObject({ id: issue.id, title: 'Export refunds' });
    expect(await json('/2.0/repositories/acme/infra-config/issues', {}, 404)).toEqual({
      type: 'error',
      error: { message: 'Repository has no issue tracker.' },
    });
  });

  it('answers Cloud 404s for an unknown repository, commit and path', async () => {
    expect(await json('/2.0/repositories/acme/nope/refs/branches', {}, 404)).toEqual({
      type: 'error',
      error: { message: expect.stringContaining('You may not have access to this repository') as string },
    });
    expect(await json(`${REPO}/commit/0123456789abcdef`, {}, 404)).toEqual({
      type: 'error',
      error: { message: 'Commit not found', data: { shas: ['0123456789abcdef'] } },
      data: { shas: ['0123456789abcdef'] },
    });
    expect(await json(`${REPO}/src/main/docs/nope.md`, {}, 404)).toEqual({
      type: 'error',
      error: { message: 'No such file or directory: docs/nope.md' },
    });
    expect((await call(`${REPO}/diff/nope..main`)).status).toBe(404);
  });
});
