import type { ToolCase, ToolCaseEnv } from './tool-case';

type Ref = {
  name: string;
  commit: string;
  default?: boolean;
  message?: string;
  date?: string;
};

type RefPage = {
  items: Ref[];
  cursor?: string;
};

const repo = (env: ToolCaseEnv) => ({ workspace: env.workspace, repo: 'payments-api' });

async function branches(env: ToolCaseEnv, filter: string): Promise<Ref[]> {
  const result = await env.call('list_branches', { ...repo(env), filter, limit: 100 });
  return (result.structuredContent as RefPage).items;
}

async function mainHead(env: ToolCaseEnv): Promise<string> {
  const main = (await branches(env, 'main')).find((branch) => branch.name === 'main');
  if (main === undefined) throw new Error('payments-api has no main branch');
  return main.commit;
}

/** list_branches, create_branch, delete_branch, list_tags, create_tag. */
export const BRANCH_TOOL_CASES: readonly ToolCase[] = [
  {
    name: 'lists the branches, the default one marked, with their head commits',
    tool: 'list_branches',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_branches', { ...repo(env), limit: 100 });
      const page = result.structuredContent as RefPage;
      const names = page.items.map((branch) => branch.name);
      expect(names).toEqual(
        expect.arrayContaining(['main', 'feature/refunds', 'feature/webhook-signatures', 'docs/flow']),
      );
      const main = page.items.find((branch) => branch.name === 'main');
      expect(main).toMatchObject({ default: true, commit: expect.stringMatching(/^[0-9a-f]{40}$/) as string });
      expect(page.items.filter((branch) => branch.default === true)).toHaveLength(1);
      expect(env.text(result)).toMatch(
        new RegExp(`^main ${main?.commit.slice(0, 12) ?? ''}( \\d{4}-\\d{2}-\\d{2})? \\(default\\)$`, 'm'),
      );
    },
  },
  {
    name: 'filters branches by a part of their name',
    tool: 'list_branches',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_branches', { ...repo(env), filter: 'refunds' });
      expect((result.structuredContent as RefPage).items.map((branch) => branch.name)).toEqual(['feature/refunds']);
      expect(env.text(result)).toMatch(/^feature\/refunds [0-9a-f]{12}( \d{4}-\d{2}-\d{2})?$/);
    },
  },
  {
    name: 'an unknown repository is BITBUCKET_NOT_FOUND',
    tool: 'list_branches',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_branches', { workspace: env.workspace, repo: 'nope' });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('BITBUCKET_NOT_FOUND');
    },
  },
  {
    name: 'creates a branch with a slash in its name at main, read back through list_branches',
    tool: 'create_branch',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const head = await mainHead(env);
      const result = await env.call('create_branch', { ...repo(env), name: 'feature/tool-suite', startPoint: 'main' });
      expect(result.isError).not.toBe(true);
      expect(result.structuredContent).toMatchObject({ name: 'feature/tool-suite', commit: head });
      expect(env.text(result)).toBe(`Created branch feature/tool-suite at ${head.slice(0, 12)}.`);
      expect(await branches(env, 'tool-suite')).toEqual([
        expect.objectContaining({ name: 'feature/tool-suite', commit: head, default: false }),
      ]);
    },
  },
  {
    name: 'creating a branch that exists is refused',
    tool: 'create_branch',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('create_branch', { ...repo(env), name: 'feature/refunds', startPoint: 'main' });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toMatch(/BITBUCKET_(VALIDATION|CONFLICT)/);
    },
  },
  {
    name: 'refuses to delete a branch without the user’s confirmation, and leaves it',
    tool: 'delete_branch',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('delete_branch', { ...repo(env), name: 'feature/payouts' });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('TOOL_CONFIRMATION_REQUIRED');
      expect(env.text(result)).toContain(
        `Delete branch feature/payouts of ${env.workspace}/payments-api? Commits only on it may be lost.`,
      );
      expect((await branches(env, 'payouts')).map((branch) => branch.name)).toEqual(['feature/payouts']);
    },
  },
  {
    name: 'deletes a branch once confirmed; list_branches no longer has it',
    tool: 'delete_branch',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('delete_branch', { ...repo(env), name: 'feature/payouts', confirm: true });
      expect(result.isError).not.toBe(true);
      expect(result.structuredContent).toEqual({ ...repo(env), deleted: 'feature/payouts' });
      expect(env.text(result)).toBe(`Deleted branch feature/payouts of ${env.workspace}/payments-api.`);
      expect(await branches(env, 'payouts')).toEqual([]);
    },
  },
  {
    name: 'lists the release tags with the commits they tag',
    tool: 'list_tags',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_tags', repo(env));
      const tags = (result.structuredContent as RefPage).items;
      // Each flavor keeps its own order: Cloud by name, Data Center most recently changed first.
      expect(tags.map((tag) => tag.name).sort()).toEqual(['v0.1.0', 'v0.2.0']);
      expect(tags.every((tag) => /^[0-9a-f]{40}$/.test(tag.commit))).toBe(true);
      expect(env.text(result).split('\n')[0]).toMatch(new RegExp(`^${tags[0]?.name ?? ''} [0-9a-f]{12}`));
    },
  },
  {
    // Data Center's REST API returns no tag messages.
    name: 'shows the date and first message line of annotated tags',
    tool: 'list_tags',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('list_tags', repo(env));
      const tags = (result.structuredContent as RefPage).items;
      expect(tags.map((tag) => tag.message)).toEqual([
        'First release: create, capture, cancel',
        'Currencies, webhooks, request logging',
      ]);
      expect(env.text(result).split('\n')[0]).toMatch(
        /^v0\.1\.0 [0-9a-f]{12} \d{4}-\d{2}-\d{2}: First release: create, capture, cancel$/,
      );
    },
  },
  {
    name: 'filters tags by name',
    tool: 'list_tags',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_tags', { ...repo(env), filter: '0.2' });
      expect((result.structuredContent as RefPage).items.map((tag) => tag.name)).toEqual(['v0.2.0']);
    },
  },
  {
    name: 'creates an annotated tag on a branch head, read back through list_tags',
    tool: 'create_tag',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const refunds = (await branches(env, 'feature/refunds')).find((branch) => branch.name === 'feature/refunds');
      const result = await env.call('create_tag', {
        ...repo(env),
        name: 'v0.3.0-rc.1',
        target: 'feature/refunds',
        message: 'Refunds preview',
      });
      expect(result.isError).not.toBe(true);
      expect(result.structuredContent).toMatchObject({ name: 'v0.3.0-rc.1', commit: refunds?.commit });
      expect(refunds?.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(env.text(result)).toBe(`Created tag v0.3.0-rc.1 on ${refunds?.commit.slice(0, 12) ?? ''}.`);
      const listed = await env.call('list_tags', { ...repo(env), filter: 'rc.1' });
      expect((listed.structuredContent as RefPage).items).toEqual([
        expect.objectContaining({
          name: 'v0.3.0-rc.1',
          commit: refunds?.commit,
          ...(env.flavor === 'cloud' ? { message: 'Refunds preview' } : {}),
        }),
      ]);
    },
  },
  {
    name: 'refuses a tag without a target, naming the field',
    tool: 'create_tag',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('create_tag', { ...repo(env), name: 'v9' });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('target is required');
    },
  },
];
