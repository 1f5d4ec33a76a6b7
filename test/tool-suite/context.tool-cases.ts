import type { ToolCase } from './tool-case';

/** get_current_user, get_repository, list_repositories. */
export const CONTEXT_TOOL_CASES: readonly ToolCase[] = [
  {
    name: 'names the account and the flavor',
    tool: 'get_current_user',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('get_current_user');
      expect(result.isError).not.toBe(true);
      expect(result.structuredContent).toMatchObject({
        name: 'alice',
        displayName: 'Alice Martin',
        flavor: env.flavor,
      });
      expect(env.text(result)).toBe(
        `Alice Martin (alice, id ${(result.structuredContent as { id: string }).id}) on Bitbucket ${env.flavor === 'cloud' ? 'Cloud' : 'Data Center'}`,
      );
    },
  },
  {
    name: 'returns one repository with its default branch',
    tool: 'get_repository',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('get_repository', { workspace: env.workspace, repo: 'payments-api' });
      expect(result.structuredContent).toMatchObject({ slug: 'payments-api', defaultBranch: 'main', private: true });
      expect(env.text(result)).toContain(`${env.workspace}/payments-api (main`);
    },
  },
  {
    name: 'an unknown repository is a clear, coded error',
    tool: 'get_repository',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('get_repository', { workspace: env.workspace, repo: 'nope' });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toMatch(/BITBUCKET_NOT_FOUND, correlation id [0-9a-f-]{36}/);
    },
  },
  {
    name: 'pages through repositories with a cursor',
    tool: 'list_repositories',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const first = await env.call('list_repositories', { workspace: env.workspace, limit: 2 });
      const page = first.structuredContent as { items: { slug: string }[]; cursor?: string };
      expect(page.items).toHaveLength(2);
      expect(page.cursor).toEqual(expect.any(String));
      const second = await env.call('list_repositories', { workspace: env.workspace, limit: 2, cursor: page.cursor });
      const next = second.structuredContent as { items: { slug: string }[] };
      expect(next.items.map((r) => r.slug)).not.toEqual(page.items.map((r) => r.slug));
    },
  },
  {
    name: 'refuses invalid arguments, naming the field',
    tool: 'get_repository',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('get_repository', { workspace: env.workspace });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('repo is required');
    },
  },
];
