import type { ToolCase, ToolCaseEnv } from './tool-case';

type CommitLine = {
  hash: string;
  date: string;
  author: string;
  summary: string;
};

type CommitPage = {
  items: CommitLine[];
  cursor?: string;
};

const payments = (env: ToolCaseEnv) => ({ workspace: env.workspace, repo: 'payments-api' });
const releaseNotes = (env: ToolCaseEnv) => ({ workspace: env.workspace, repo: 'release-notes' });

async function commits(env: ToolCaseEnv, args: Record<string, unknown>): Promise<CommitLine[]> {
  const result = await env.call('list_commits', { limit: 100, ...args });
  expect(result.isError).not.toBe(true);
  return (result.structuredContent as CommitPage).items;
}

/** The commit of payments-api whose message starts with `summary`, found on `ref` (main by default). */
async function commitNamed(env: ToolCaseEnv, summary: string, ref = 'main'): Promise<CommitLine> {
  const found = (await commits(env, { ...payments(env), ref })).find((commit) => commit.summary.startsWith(summary));
  if (found === undefined) throw new Error(`no commit "${summary}" on ${ref}`);
  return found;
}

async function branchHead(env: ToolCaseEnv, name: string): Promise<string> {
  const result = await env.call('list_branches', { ...payments(env), filter: name });
  const branch = (result.structuredContent as { items: { name: string; commit: string }[] }).items.find(
    (b) => b.name === name,
  );
  if (branch === undefined) throw new Error(`no branch ${name}`);
  return branch.commit;
}

/** list_commits, get_commit, compare_refs, get_commit_diff, list_build_statuses. */
export const COMMIT_TOOL_CASES: readonly ToolCase[] = [
  {
    name: 'walks all 250 commits of release-notes, newest first, each once, through cursors',
    tool: 'list_commits',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const seen: CommitLine[] = [];
      let cursor: string | undefined;
      do {
        const result = await env.call('list_commits', {
          ...releaseNotes(env),
          ref: 'main',
          limit: 100,
          ...(cursor === undefined ? {} : { cursor }),
        });
        const page = result.structuredContent as CommitPage;
        seen.push(...page.items);
        cursor = page.cursor;
        // Short enough for a model to copy: a Cloud cursor carries the next link's query alone (cloud-api.ts),
        // 71 characters here where the whole link made 123.
        expect(cursor?.length ?? 0).toBeLessThanOrEqual(80);
      } while (cursor !== undefined);
      expect(seen).toHaveLength(250);
      expect(new Set(seen.map((commit) => commit.hash)).size).toBe(250);
      expect(seen[0]?.summary).toBe('Release note 250');
      expect(seen.at(-1)?.summary).toBe('Release note 1');
    },
  },
  {
    name: 'one compact line per commit: short hash, date, author, first line of the message',
    tool: 'list_commits',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_commits', { ...releaseNotes(env), ref: 'main', limit: 2 });
      const page = result.structuredContent as CommitPage;
      expect(page.items.map((commit) => [commit.summary, commit.author])).toEqual([
        ['Release note 250', 'Acme CI'],
        ['Release note 249', 'Erin Walsh'],
      ]);
      const [first] = page.items;
      const lines = env.text(result).split('\n');
      expect(lines[0]).toBe(
        `${first?.hash.slice(0, 12) ?? ''} ${first?.date.slice(0, 10) ?? ''} Acme CI: Release note 250`,
      );
      expect(lines.at(-1)).toBe(`More results: call again with cursor "${page.cursor ?? ''}".`);
    },
  },
  {
    name: 'narrows the history to a path on a branch with a slash',
    tool: 'list_commits',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const found = await commits(env, {
        ...payments(env),
        ref: 'feature/refunds',
        path: 'src/refunds/refund.service.ts',
      });
      expect(found.map((commit) => commit.summary)).toEqual([
        'Refuse refunds above the captured amount',
        'Add refund service',
      ]);
    },
  },
  {
    name: 'filters by author and by a date range',
    tool: 'list_commits',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const byBot = await commits(env, { ...releaseNotes(env), ref: 'main', author: 'ci-bot', limit: 3 });
      expect(byBot.map((commit) => commit.summary)).toEqual([
        'Release note 250',
        'Release note 245',
        'Release note 240',
      ]);
      const newest = await commits(env, { ...releaseNotes(env), ref: 'main', limit: 3 });
      const at = newest[1]?.date ?? '';
      const window = await commits(env, { ...releaseNotes(env), ref: 'main', since: at, until: at });
      expect(window.map((commit) => commit.summary)).toEqual(['Release note 249']);
    },
  },
  {
    name: 'refuses a date that is not ISO-8601, naming the field',
    tool: 'list_commits',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('list_commits', { ...releaseNotes(env), since: 'last tuesday' });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('since has the wrong format');
    },
  },
  {
    name: 'returns a merge commit whole: parents, author, message',
    tool: 'get_commit',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const merge = await commitNamed(env, 'Merged in feature/currency');
      const result = await env.call('get_commit', { ...payments(env), hash: merge.hash.slice(0, 12) });
      expect(result.isError).not.toBe(true);
      const commit = result.structuredContent as { hash: string; parents: string[]; message: string };
      expect(commit).toMatchObject({
        hash: merge.hash,
        author: 'Alice Martin',
        authorEmail: 'alice@acme.example',
        message: 'Merged in feature/currency (pull request #1)\n\nAdd currency conversion',
      });
      expect(commit.parents).toHaveLength(2);
      const text = env.text(result);
      expect(text.split('\n').slice(0, 3)).toEqual([
        `commit ${merge.hash}`,
        `Merge: ${commit.parents.join(' ')}`,
        'Author: Alice Martin <alice@acme.example>',
      ]);
      expect(text).toContain('\n    Add currency conversion');
    },
  },
  {
    name: 'an unknown commit is BITBUCKET_NOT_FOUND',
    tool: 'get_commit',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('get_commit', { ...payments(env), hash: 'deadbeefdeadbeef' });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toMatch(/BITBUCKET_NOT_FOUND, correlation id [0-9a-f-]{36}/);
    },
  },
  {
    name: 'says how far a feature branch is ahead and behind, with its commits and files',
    tool: 'compare_refs',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('compare_refs', { ...payments(env), from: 'feature/refunds', to: 'main' });
      expect(result.isError).not.toBe(true);
      const view = result.structuredContent as {
        aheadTotal: number;
        behindTotal: number;
        ahead: CommitLine[];
        fileTotal: number;
        files: { path: string; status: string }[];
        mergeBase?: string;
      };
      expect(view).toMatchObject({ from: 'feature/refunds', to: 'main', aheadTotal: 3, behindTotal: 2, fileTotal: 2 });
      expect(view.ahead.map((commit) => commit.summary)).toEqual([
        'Document refunds',
        'Refuse refunds above the captured amount',
        'Add refund service',
      ]);
      expect(view.files.map((file) => [file.path, file.status]).sort()).toEqual([
        ['docs/api.md', 'modified'],
        ['src/refunds/refund.service.ts', 'added'],
      ]);
      const text = env.text(result);
      expect(text.split('\n')[0]).toBe(
        'feature/refunds is 3 commits ahead of main and 2 behind; it changes 2 files since they diverged.',
      );
      expect(text).toContain(`${view.ahead[0]?.hash.slice(0, 12) ?? ''} `);
      expect(text).toMatch(/^A src\/refunds\/refund\.service\.ts/m);
      expect(text).toMatch(/^M docs\/api\.md/m);
    },
  },
  {
    name: 'an unknown ref is BITBUCKET_NOT_FOUND',
    tool: 'compare_refs',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('compare_refs', { ...payments(env), from: 'feature/nope', to: 'main' });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('BITBUCKET_NOT_FOUND');
    },
  },
  {
    name: 'returns the raw diff of a commit, file by file, and only the files asked for',
    tool: 'get_commit_diff',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const skeleton = await commitNamed(env, 'Add payment model and service skeleton');
      const whole = await env.call('get_commit_diff', { ...payments(env), hash: skeleton.hash });
      const view = whole.structuredContent as { diff: string; files: { path: string }[]; truncated?: string };
      expect(view.files.map((file) => file.path).sort()).toEqual([
        'src/payments/payment.service.ts',
        'src/payments/payment.ts',
      ]);
      expect(view.truncated).toBeUndefined();
      expect(view.diff).toContain('diff --git a/src/payments/payment.ts b/src/payments/payment.ts');
      expect(view.diff).toContain("+export type PaymentStatus = 'pending' | 'captured';");
      expect(env.text(whole)).toBe(view.diff);

      const one = await env.call('get_commit_diff', {
        ...payments(env),
        hash: skeleton.hash,
        paths: ['src/payments/payment.ts'],
      });
      const only = one.structuredContent as { diff: string; files: { path: string }[] };
      expect(only.files.map((file) => file.path)).toEqual(['src/payments/payment.ts']);
      expect(only.diff).not.toContain('payment.service.ts');
    },
  },
  {
    name: 'caps a file’s diff lines and continues from the offset it names',
    tool: 'get_commit_diff',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const skeleton = await commitNamed(env, 'Add payment model and service skeleton');
      const args = {
        ...payments(env),
        hash: skeleton.hash,
        paths: ['src/payments/payment.service.ts'],
        maxLinesPerFile: 10,
      };
      const first = await env.call('get_commit_diff', args);
      const cut = first.structuredContent as {
        files: { shownLines: number; totalLines: number }[];
        truncated?: string;
      };
      expect(cut.files[0]).toMatchObject({ shownLines: 10 });
      expect(cut.truncated).toContain('lineOffset 10 for the rest');
      const next = await env.call('get_commit_diff', { ...args, lineOffset: 10 });
      const rest = next.structuredContent as { diff: string; files: { shownLines: number }[] };
      expect(rest.files[0]?.shownLines).toBeGreaterThan(0);
      expect(rest.diff).not.toContain('@@ -0,0');
    },
  },
  {
    name: 'lists the CI results of a branch head: passed on main, failed on a feature',
    tool: 'list_build_statuses',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const main = await env.call('list_build_statuses', { ...payments(env), commit: await branchHead(env, 'main') });
      expect((main.structuredContent as { items: unknown[] }).items).toEqual([
        expect.objectContaining({ key: 'acme-ci', state: 'SUCCESSFUL', description: 'All checks passed' }),
      ]);
      const failing = await env.call('list_build_statuses', {
        ...payments(env),
        commit: await branchHead(env, 'feature/webhook-signatures'),
      });
      expect(env.text(failing)).toMatch(
        /^FAILED Acme CI #\d+ \[acme-ci\]: 1 test failed https:\/\/ci\.acme\.example\/payments-api\/feature\/webhook-signatures$/,
      );
    },
  },
  {
    name: 'a commit without builds lists nothing',
    tool: 'list_build_statuses',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_build_statuses', {
        ...payments(env),
        commit: await branchHead(env, 'feature/payouts'),
      });
      expect(result.structuredContent).toMatchObject({ items: [] });
      expect(env.text(result)).toBe('(nothing)');
    },
  },
];
