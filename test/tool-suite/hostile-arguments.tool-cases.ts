import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ToolCase, ToolCaseEnv } from './tool-case';

const payments = (env: ToolCaseEnv) => ({ workspace: env.workspace, repo: 'payments-api' });

/** Where payments-api's calls go, as the fake logs them (the path as sent, still encoded). */
const repositoryRoot = (env: ToolCaseEnv): string =>
  env.flavor === 'cloud'
    ? `/2.0/repositories/${env.workspace}/payments-api`
    : `/rest/api/latest/projects/${env.workspace}/repos/payments-api`;

/** An isError result that names the argument and why, the way a schema failure does. */
function expectArgumentError(env: ToolCaseEnv, result: CallToolResult, tool: string, message: RegExp): void {
  expect(result.isError).toBe(true);
  const text = env.text(result);
  expect(text).toMatch(new RegExp(`^Invalid arguments for ${tool}: `));
  expect(text).toMatch(message);
  expect(text).toMatch(/\(error TOOL_INVALID_ARGUMENTS, correlation id [0-9a-f-]{36}\)$/);
}

/** What the fake received since the last clear: every path must stay below `root`. */
async function expectOnlyBelow(env: ToolCaseEnv, root: string): Promise<void> {
  const strays = (await env.fake.requests()).filter(({ path }) => path !== root && !path.startsWith(`${root}/`));
  expect(strays.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
}

/**
 * Issue 10's attacks, through every transport: no argument may crash the server, steer a call to
 * another Bitbucket resource than the one the tool names, or walk a cursor somewhere else.
 */
export const HOSTILE_ARGUMENT_TOOL_CASES: readonly ToolCase[] = [
  {
    name: 'refuses a lone surrogate as an argument error and keeps serving',
    tool: 'list_branches',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      expectArgumentError(
        env,
        await env.call('list_branches', { workspace: env.workspace, repo: '\ud800' }),
        'list_branches',
        /repo must be a repository slug/,
      );
      // Past the schema, the gateway refuses it too: a file path is free text.
      expectArgumentError(
        env,
        await env.call('get_file_content', { ...payments(env), path: 'src/\ud800.ts' }),
        'get_file_content',
        /path is not well-formed Unicode/,
      );
      const branches = await env.call('list_branches', payments(env));
      expect(branches.isError).not.toBe(true);
    },
  },
  {
    name: 'refuses file paths that climb out of the repository, without calling Bitbucket elsewhere',
    tool: 'get_file_content',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      await env.fake.clearRequests();
      for (const path of ['../../../identity-service/README.md', '../../../../../user', '..']) {
        expectArgumentError(
          env,
          await env.call('get_file_content', { ...payments(env), path }),
          'get_file_content',
          /path climbs above the repository root/,
        );
      }
      expectArgumentError(
        env,
        await env.call('list_directory', { ...payments(env), path: '../..' }),
        'list_directory',
        /path climbs above the repository root/,
      );
      await expectOnlyBelow(env, repositoryRoot(env));
    },
  },
  {
    name: 'reads the file a path names once its dot segments are folded inside the repository',
    tool: 'get_file_content',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('get_file_content', { ...payments(env), path: './src/../README.md' });
      expect(result.structuredContent).toMatchObject({ path: 'README.md' });
    },
  },
  {
    name: 'refuses dot segments in names before anything reaches Bitbucket',
    tool: 'delete_branch',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      await env.fake.clearRequests();
      expectArgumentError(
        env,
        await env.call('get_repository', { workspace: '.', repo: 'acme-labs' }),
        'get_repository',
        /workspace must be a Bitbucket Cloud workspace ID/,
      );
      expectArgumentError(
        env,
        await env.call('get_repository', { workspace: env.workspace, repo: '..' }),
        'get_repository',
        /repo must be a repository slug/,
      );
      for (const name of ['..', 'feature/../../main']) {
        expectArgumentError(
          env,
          await env.call('delete_branch', { ...payments(env), name, confirm: true }),
          'delete_branch',
          /name must be a git branch or tag name/,
        );
      }
      expect(await env.fake.requests({ method: 'DELETE' })).toEqual([]);
      await expectOnlyBelow(env, repositoryRoot(env));
    },
  },
  {
    name: 'honours a cursor only as issued, for its own listing',
    tool: 'list_branches',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const first = await env.call('list_branches', { ...payments(env), limit: 1 });
      const cursor = (first.structuredContent as { cursor?: string }).cursor ?? '';
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      const next = await env.call('list_branches', { ...payments(env), limit: 1, cursor });
      expect(next.isError).not.toBe(true);
      // An empty cursor is no cursor: the first page, read where the arguments say.
      const root = await env.call('list_directory', { ...payments(env), limit: 1, cursor: '' });
      expect(root.structuredContent).toMatchObject({ items: [expect.anything()] });

      await env.fake.clearRequests();
      const [body = '', mac = ''] = cursor.split('.');
      const forgedLink = Buffer.from(JSON.stringify(`${env.fake.cloudUrl}/user`)).toString('base64url');
      const oldFormat = Buffer.from(
        JSON.stringify({ l: `branches ${env.workspace}/payments-api `, n: `${env.fake.cloudUrl}/user` }),
      ).toString('base64url');
      for (const [tool, forged] of [
        ['list_branches', `${forgedLink}.${mac}`],
        ['list_branches', `${body.slice(0, -2)}${body.endsWith('A') ? 'B' : 'A'}${body.slice(-1)}.${mac}`],
        ['list_branches', oldFormat],
        ['list_tags', cursor],
      ] as const) {
        expectArgumentError(
          env,
          await env.call(tool, { ...payments(env), limit: 1, cursor: forged }),
          tool,
          /cursor was not issued by this server for this listing/,
        );
      }
      await expectOnlyBelow(env, repositoryRoot(env));
    },
  },
];
