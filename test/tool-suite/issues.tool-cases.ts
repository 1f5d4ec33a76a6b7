import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { readFakeCloud } from './fake-cloud-read';
import type { ToolCase } from './tool-case';

interface Issue {
  readonly id: number;
  readonly title: string;
  readonly state: string;
  readonly kind: string;
  readonly priority: string;
  readonly assignee?: string;
  readonly reporter?: string;
  readonly content?: string;
}

const REPO = { workspace: 'acme', repo: 'payments-api' };

const ids = (result: CallToolResult): number[] =>
  (result.structuredContent as { items: Issue[] }).items.map((i) => i.id);

/** list_issues, get_issue, create_issue, add_issue_comment (Cloud only). */
export const ISSUE_TOOL_CASES: readonly ToolCase[] = [
  {
    name: 'lists the issue tracker, one line per issue',
    tool: 'list_issues',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('list_issues', REPO);
      expect(ids(result)).toEqual([1, 2, 3, 4]);
      expect((result.structuredContent as { items: Issue[] }).items[0]).toMatchObject({
        title: 'Capture fails for JPY amounts',
        state: 'open',
        kind: 'bug',
        priority: 'critical',
        assignee: 'bob',
        reporter: 'alice',
      });
      expect(env.text(result).split('\n')).toEqual([
        '#1 [open] bug/critical Capture fails for JPY amounts (@bob, 2026-03-11T23:00:00.000Z)',
        '#2 [new] enhancement/major Expose refunds in the merchant export (2026-03-12T04:00:00.000Z)',
        '#3 [resolved] task/minor Document webhook retries (@erin, 2026-03-12T08:00:00.000Z)',
        '#4 [on hold] bug/major Timeouts on /payments under load (@dave, 2026-03-12T12:00:00.000Z)',
      ]);
    },
  },
  {
    name: 'filters by state and by text',
    tool: 'list_issues',
    flavors: ['cloud'],
    async run(env) {
      expect(ids(await env.call('list_issues', { ...REPO, state: 'open' }))).toEqual([1]);
      expect(ids(await env.call('list_issues', { ...REPO, state: 'on hold' }))).toEqual([4]);
      expect(ids(await env.call('list_issues', { ...REPO, query: 'refunds' }))).toEqual([2]);
      expect(ids(await env.call('list_issues', { ...REPO, query: 'minor unit' }))).toEqual([1]);
      expect(ids(await env.call('list_issues', { ...REPO, state: 'closed', query: 'JPY' }))).toEqual([]);
    },
  },
  {
    name: 'a repository without an issue tracker is a clear, coded error',
    tool: 'list_issues',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('list_issues', { workspace: 'acme', repo: 'infra-config' });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('has no issue tracker: it is turned off in the repository');
      expect(env.text(result)).toMatch(/BITBUCKET_NOT_FOUND, correlation id [0-9a-f-]{36}/);
    },
  },
  {
    name: 'reads one issue with its description',
    tool: 'get_issue',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('get_issue', { ...REPO, id: 1 });
      expect(result.structuredContent).toMatchObject({
        id: 1,
        content: 'JPY has no minor unit; amountMinor is off by 100.',
        reporter: 'alice',
        assignee: 'bob',
        url: expect.stringMatching(/\/acme\/payments-api\/issues\/1$/) as unknown,
      });
      const lines = env.text(result).split('\n');
      expect(lines[0]).toBe('#1 [open] bug/critical Capture fails for JPY amounts (@bob, 2026-03-11T23:00:00.000Z)');
      expect(lines[1]).toBe('Reported by alice on 2026-03-11T23:00:00.000Z');
      expect(lines.at(-1)).toBe('JPY has no minor unit; amountMinor is off by 100.');
    },
  },
  {
    name: 'an unknown issue is a clear, coded error',
    tool: 'get_issue',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('get_issue', { ...REPO, id: 99 });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('has no issue #99.');
      expect(env.text(result)).toContain('BITBUCKET_NOT_FOUND');
    },
  },
  {
    name: 'creates an issue that get_issue then reads back',
    tool: 'create_issue',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('create_issue', {
        ...REPO,
        title: 'Send a webhook on refund',
        content: 'Merchants want to know.',
        kind: 'task',
        priority: 'minor',
        assignee: 'carol',
      });
      expect(result.isError).not.toBe(true);
      const created = result.structuredContent as unknown as Issue;
      expect(created.id).toBe(5);
      expect(env.text(result).split('\n')[0]).toBe('Created issue #5.');
      const read = await env.call('get_issue', { ...REPO, id: created.id });
      expect(read.structuredContent).toMatchObject({
        title: 'Send a webhook on refund',
        content: 'Merchants want to know.',
        state: 'new',
        kind: 'task',
        priority: 'minor',
        assignee: 'carol',
        reporter: 'alice',
      });
    },
  },
  {
    name: 'refuses an unknown kind and an unknown assignee, naming them',
    tool: 'create_issue',
    flavors: ['cloud'],
    async run(env) {
      const kind = await env.call('create_issue', { ...REPO, title: 'T', kind: 'feature' });
      expect(kind.isError).toBe(true);
      expect(env.text(kind)).toContain('kind must be one of: bug, enhancement, proposal, task');
      const assignee = await env.call('create_issue', { ...REPO, title: 'T', assignee: 'nobody' });
      expect(assignee.isError).toBe(true);
      expect(env.text(assignee)).toContain('nobody');
      expect(ids(await env.call('list_issues', REPO))).toEqual([1, 2, 3, 4]);
    },
  },
  {
    name: 'adds a comment that Bitbucket then has on the issue',
    tool: 'add_issue_comment',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('add_issue_comment', { ...REPO, id: 1, text: 'Fixed by **#12**.' });
      expect(result.isError).not.toBe(true);
      const comment = result.structuredContent as { id: number; issueId: number; author: { name: string } };
      expect(comment).toMatchObject({ issueId: 1, author: { name: 'alice' } });
      expect(env.text(result)).toBe(`Added comment ${comment.id} to issue #1.`);
      const stored = await readFakeCloud<{
        values: { id: number; content: { raw: string }; user: { nickname: string } }[];
      }>(env.fake, '/repositories/acme/payments-api/issues/1/comments');
      expect(stored.values.at(-1)).toMatchObject({
        id: comment.id,
        content: { raw: 'Fixed by **#12**.' },
        user: { nickname: 'alice' },
      });
    },
  },
  {
    name: 'commenting on an unknown issue is a clear, coded error',
    tool: 'add_issue_comment',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('add_issue_comment', { ...REPO, id: 99, text: 'Hello' });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('BITBUCKET_NOT_FOUND');
    },
  },
];
