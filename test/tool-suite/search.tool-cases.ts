import type { ToolCase, ToolCaseEnv } from './tool-case';

type Hit = {
  workspace: string;
  repo: string;
  path: string;
  matchCount: number;
  lines: { line: number; text: string }[];
};

const scope = (env: ToolCaseEnv) => ({ workspace: env.workspace });

/** search_code. */
export const SEARCH_TOOL_CASES: readonly ToolCase[] = [
  {
    name: 'finds files on default branches with their matching lines',
    tool: 'search_code',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('search_code', { ...scope(env), query: 'captured ext:ts', limit: 100 });
      expect(result.isError).not.toBe(true);
      const hits = (result.structuredContent as { items: Hit[] }).items;
      const service = hits.find((hit) => hit.path === 'src/payments/payment.service.ts');
      expect(service).toMatchObject({ workspace: env.workspace, repo: 'payments-api' });
      expect(service?.lines.length).toBeGreaterThan(0);
      expect(service?.lines.every((line) => line.text.toLowerCase().includes('captured'))).toBe(true);
      const text = env.text(result);
      expect(text).toContain(`${env.workspace}/payments-api:src/payments/payment.service.ts\n  `);
      expect(text).toMatch(/^ {2}\d+: .*captured/im);
    },
  },
  {
    name: 'code only on a feature branch is not found',
    tool: 'search_code',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('search_code', { ...scope(env), query: 'RefundService repo:payments-api' });
      expect(result.structuredContent).toMatchObject({ items: [] });
      expect(env.text(result)).toBe('(nothing)');
    },
  },
  {
    name: 'Cloud searches within a workspace and says so when none is given',
    tool: 'search_code',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('search_code', { query: 'captured' });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('Bitbucket Cloud needs a workspace here: give workspace.');
    },
  },
  {
    name: 'refuses an empty query, naming the field',
    tool: 'search_code',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('search_code', { ...scope(env), query: '' });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('query is too small');
    },
  },
];
