import type { ToolCase } from './tool-case';

/** get_current_user, list_workspaces, list_projects, get_project, get_repository, list_repositories. */
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
    name: 'lists the workspaces of the account, marking the one it administers',
    tool: 'list_workspaces',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('list_workspaces');
      expect(result.isError).not.toBe(true);
      const page = result.structuredContent as { items: { slug: string; admin?: boolean }[] };
      expect(page.items.map((workspace) => [workspace.slug, workspace.admin])).toEqual([
        ['acme', true],
        ['acme-labs', false],
      ]);
      expect(env.text(result).split('\n')).toEqual([
        expect.stringMatching(/^acme .*\(admin\)$/),
        expect.not.stringContaining('admin') as string,
      ]);
    },
  },
  {
    name: 'lists the projects of a Cloud workspace',
    tool: 'list_projects',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('list_projects', { workspace: 'acme' });
      const page = result.structuredContent as { items: { key: string; workspace: string }[] };
      expect(page.items.map((p) => [p.key, p.workspace])).toEqual([
        ['PLAT', 'acme'],
        ['WEB', 'acme'],
      ]);
      expect(env.text(result).split('\n')[0]).toBe(
        'PLAT Platform (acme, private): Payments, identity and the infrastructure under them.',
      );
    },
  },
  {
    name: 'Cloud lists projects per workspace only, and says so',
    tool: 'list_projects',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('list_projects');
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('(projects across workspaces)');
      expect(env.text(result)).toContain('BITBUCKET_UNSUPPORTED');
    },
  },
  {
    name: 'lists every project visible on Data Center, a page at a time',
    tool: 'list_projects',
    flavors: ['datacenter'],
    async run(env) {
      const first = await env.call('list_projects', { limit: 2 });
      const page = first.structuredContent as { items: { key: string }[]; cursor?: string };
      expect(page.items.map((p) => p.key)).toEqual(['PLAT', 'WEB']);
      expect(page.cursor).toEqual(expect.any(String));
      expect(env.text(first)).toContain(`call again with cursor "${page.cursor ?? ''}"`);
      const second = await env.call('list_projects', { limit: 2, cursor: page.cursor });
      expect((second.structuredContent as { items: { key: string }[] }).items.map((p) => p.key)).toEqual(['LAB']);
    },
  },
  {
    name: 'returns one project by its key',
    tool: 'get_project',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const args = env.flavor === 'cloud' ? { workspace: 'acme', key: 'PLAT' } : { key: 'PLAT' };
      const result = await env.call('get_project', args);
      expect(result.structuredContent).toMatchObject({
        key: 'PLAT',
        name: 'Platform',
        description: 'Payments, identity and the infrastructure under them.',
        private: true,
      });
      expect(env.text(result)).toMatch(/^PLAT Platform \(/);
    },
  },
  {
    name: 'an unknown project is BITBUCKET_NOT_FOUND',
    tool: 'get_project',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('get_project', {
        ...(env.flavor === 'cloud' ? { workspace: 'acme' } : {}),
        key: 'NOPE',
      });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toMatch(/BITBUCKET_NOT_FOUND, correlation id [0-9a-f-]{36}/);
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
