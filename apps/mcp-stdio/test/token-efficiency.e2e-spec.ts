import { basicAuth, FakeBitbucketProcess, stdioServerTransport } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';

/** The model's share of the raw Bitbucket JSON it would otherwise read: at most a quarter. */
const MAX_RATIO = 0.25;
const PULL_REQUESTS = 50;
const REPO = '/repositories/acme/release-notes';

interface CloudPage<T> {
  values: T[];
  next?: string;
}

/**
 * What the model receives from the pull request tools against the raw Bitbucket Cloud JSON of the
 * same data, fetched directly from the fake as alice. The seed has no pull requests in release-notes,
 * so 50 are opened there first: main into 50 release branches cut from an older commit, with two
 * reviewers each and some approvals.
 */
describe('token efficiency of the pull request tools (Bitbucket Cloud, over stdio)', () => {
  let fake: FakeBitbucketProcess;
  let client: Client;

  const as = (person: string): string => basicAuth(`${person}@acme.example`, `ATATT-fake-${person}`);
  async function cloud(path: string, init: { method?: string; body?: unknown; person?: string } = {}): Promise<string> {
    const url = path.startsWith('http') ? path : `${fake.cloudUrl}${path}`;
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      headers: { Authorization: as(init.person ?? 'alice'), 'Content-Type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${text}`);
    return text;
  }
  const json = async <T>(path: string, init?: Parameters<typeof cloud>[1]): Promise<T> =>
    JSON.parse(await cloud(path, init)) as T;
  const call = async (name: string, args: Record<string, unknown>): Promise<CallToolResult> => {
    const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
    expect(result.isError).not.toBe(true);
    return result;
  };
  const textOf = (result: CallToolResult): string =>
    result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');

  /** Prints and checks what the model receives, as text and as structured content, against the raw JSON. */
  function report(what: string, result: CallToolResult, raw: string): void {
    const text = textOf(result).length;
    const structured = JSON.stringify(result.structuredContent).length;
    const share = (size: number): string => `${((size / raw.length) * 100).toFixed(1)} %`;
    process.stdout.write(
      `${what}: raw Bitbucket JSON ${raw.length} characters; the model receives text ${text} (${share(text)}), structured content ${structured} (${share(structured)})\n`,
    );
    expect(text).toBeLessThanOrEqual(raw.length * MAX_RATIO);
    expect(structured).toBeLessThanOrEqual(raw.length * MAX_RATIO);
  }

  /** Every commit of main, newest first. */
  async function history(): Promise<{ hash: string; message: string }[]> {
    const commits: { hash: string; message: string }[] = [];
    let next: string | undefined = `${REPO}/commits/main?pagelen=100`;
    while (next !== undefined) {
      const page: CloudPage<{ hash: string; message: string }> = await json(next);
      commits.push(...page.values);
      next = page.next;
    }
    return commits;
  }

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
    const commits = await history();
    const older = commits[60]?.hash ?? '';
    const first = commits.at(-1)?.hash ?? '';
    const [bob, carol] = await Promise.all(
      ['bob', 'carol'].map(async (person) => json<{ uuid: string }>('/user', { person })),
    );
    for (let n = 1; n <= PULL_REQUESTS; n += 1) {
      const branch = `release/2026.${String(n).padStart(2, '0')}`;
      await cloud(`${REPO}/refs/branches`, { method: 'POST', body: { name: branch, target: { hash: older } } });
      const created = await json<{ id: number }>(`${REPO}/pullrequests`, {
        method: 'POST',
        body: {
          title: `Release notes for the ${branch} release train`,
          description: `Brings the release notes written since the ${branch} branch was cut into it, so the published changelog matches main.`,
          source: { branch: { name: 'main' } },
          destination: { branch: { name: branch } },
          reviewers: [{ uuid: bob?.uuid }, { uuid: carol?.uuid }],
        },
      });
      if (n % 3 === 0) await cloud(`${REPO}/pullrequests/${created.id}/approve`, { method: 'POST', person: 'bob' });
    }
    await cloud(`${REPO}/refs/branches`, { method: 'POST', body: { name: 'release/first', target: { hash: first } } });
    await cloud(`${REPO}/pullrequests`, {
      method: 'POST',
      body: {
        title: 'Every release note into the first release',
        source: { branch: { name: 'main' } },
        destination: { branch: { name: 'release/first' } },
      },
    });

    const transport = stdioServerTransport({ ...bitbucketEnv(fake, 'cloud'), MCP_STRUCTURED_OUTPUT: 'true' }).transport;
    client = new Client({ name: 'token-efficiency', version: '1.0.0' });
    await client.connect(transport);
  });

  afterAll(async () => {
    await client.close();
    await fake.stop();
  });

  it(`list_pull_requests with ${PULL_REQUESTS} pull requests: at most a quarter of the raw JSON`, async () => {
    const result = await call('list_pull_requests', { workspace: 'acme', repo: 'release-notes', limit: PULL_REQUESTS });
    const page = result.structuredContent as { items: { id: number; reviewers: number; approvals: number }[] };
    expect(page.items).toHaveLength(PULL_REQUESTS);
    expect(page.items.filter((item) => item.approvals === 1)).toHaveLength(Math.floor(PULL_REQUESTS / 3));
    const text = textOf(result);
    expect(text.split('\n').slice(0, PULL_REQUESTS)).toHaveLength(PULL_REQUESTS);
    // The same page as the gateway reads it: with the participants and reviewers the review status needs.
    const raw = await cloud(
      `${REPO}/pullrequests?pagelen=${PULL_REQUESTS}&fields=${encodeURIComponent('+values.participants,+values.reviewers')}`,
    );
    expect((JSON.parse(raw) as CloudPage<unknown>).values).toHaveLength(PULL_REQUESTS);
    report(`list_pull_requests (${PULL_REQUESTS} pull requests)`, result, raw);
  });

  it('get_pull_request: at most a quarter of the raw JSON', async () => {
    const result = await call('get_pull_request', { workspace: 'acme', repo: 'payments-api', pullRequestId: 3 });
    expect(textOf(result)).toContain('Partial and full refunds of captured payments.');
    report('get_pull_request (payments-api #3)', result, await cloud('/repositories/acme/payments-api/pullrequests/3'));
  });

  it('get_pull_request_diff caps a long file and says exactly how to continue, until the whole diff is read', async () => {
    // The fake has no way to commit files (no POST /src), so a 5,000-line change cannot be made here;
    // the longest diff it can serve is this one (CHANGELOG.md, one line per release note). The
    // 5,000-line case is covered at unit level (diff-view.spec.ts, get-pull-request-diff.tool.spec.ts).
    const listed = await call('list_pull_requests', { workspace: 'acme', repo: 'release-notes', limit: 100 });
    const id = (listed.structuredContent as { items: { id: number; destination: string }[] }).items.find(
      (item) => item.destination === 'release/first',
    )?.id;
    const raw = await cloud(`${REPO}/pullrequests/${id ?? 0}/diff`);
    const rawLines = raw.trimEnd().split('\n');
    expect(rawLines.length).toBeGreaterThan(200);

    const args = { workspace: 'acme', repo: 'release-notes', pullRequestId: id, maxLinesPerFile: 100 };
    const first = await call('get_pull_request_diff', args);
    const view = first.structuredContent as { diff: string; files: { path: string; totalLines: number }[] };
    const total = view.files[0]?.totalLines ?? 0;
    expect(textOf(first)).toContain(
      `CHANGELOG.md: showing 100 of ${total} diff lines; call again with paths ["CHANGELOG.md"] and lineOffset 100 for the rest.`,
    );
    const headers = rawLines.findIndex((line) => line.startsWith('@@'));
    const read = view.diff.split('\n');
    let lineOffset = 100;
    while (lineOffset < total) {
      const next = await call('get_pull_request_diff', { ...args, paths: ['CHANGELOG.md'], lineOffset });
      read.push(...(next.structuredContent as { diff: string }).diff.split('\n').slice(headers));
      lineOffset += 100;
      if (lineOffset < total) expect(textOf(next)).toContain(`lineOffset ${lineOffset} for the rest.`);
      else expect(textOf(next)).not.toContain('for the rest');
    }
    expect(read).toEqual(rawLines);
  });
});
