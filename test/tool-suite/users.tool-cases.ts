import type { ToolCase } from './tool-case';

type UserPage = {
  items: { id: string; name: string; displayName: string }[];
  cursor?: string;
};

/** list_users. */
export const USER_TOOL_CASES: readonly ToolCase[] = [
  {
    name: 'lists the members of a Cloud workspace, or every Data Center user',
    tool: 'list_users',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_users', env.flavor === 'cloud' ? { workspace: 'acme' } : {});
      const names = (result.structuredContent as UserPage).items.map((u) => u.name);
      expect(names).toEqual(expect.arrayContaining(['alice', 'bob', 'carol', 'dave', 'erin', 'ci-bot']));
      // frank is not a member of acme on Cloud; Data Center has no workspaces and lists him.
      expect(names.includes('frank')).toBe(env.flavor === 'datacenter');
    },
  },
  {
    name: 'narrows users by a name fragment, one line each with the id to use',
    tool: 'list_users',
    flavors: ['cloud', 'datacenter'],
    async run(env) {
      const result = await env.call('list_users', {
        ...(env.flavor === 'cloud' ? { workspace: 'acme' } : {}),
        query: 'Carol',
      });
      const page = result.structuredContent as UserPage;
      expect(page.items).toEqual([{ id: expect.any(String) as string, name: 'carol', displayName: 'Carol Dubois' }]);
      expect(env.text(result)).toBe(`Carol Dubois (carol, id ${page.items[0]?.id ?? ''})`);
    },
  },
  {
    name: 'Cloud needs a workspace to find users',
    tool: 'list_users',
    flavors: ['cloud'],
    async run(env) {
      const result = await env.call('list_users', { query: 'carol' });
      expect(result.isError).toBe(true);
      expect(env.text(result)).toContain('Bitbucket Cloud needs a workspace here: give workspace.');
    },
  },
];
