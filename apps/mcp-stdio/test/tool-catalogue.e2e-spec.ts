import { FakeBitbucketProcess, stdioServerTransport } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ElicitRequestSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import type { Flavor } from '../../../test/tool-suite/tool-case';

type Elicitation = 'accept' | 'decline';

describe('the tool catalogue over stdio: what is offered, pinned; filters; confirmation', () => {
  let fake: FakeBitbucketProcess;
  const clients: Client[] = [];

  /** A client of a fresh stdio server for `flavor` with `env`, answering elicitations as told. */
  const connect = async (flavor: Flavor, env: Record<string, string> = {}, elicitation?: Elicitation) => {
    const client = new Client(
      { name: 'catalogue', version: '1.0.0' },
      { capabilities: elicitation === undefined ? {} : { elicitation: {} } },
    );
    if (elicitation !== undefined) {
      client.setRequestHandler(ElicitRequestSchema, () =>
        elicitation === 'accept' ? { action: 'accept', content: { confirm: true } } : { action: 'decline' },
      );
    }
    await client.connect(stdioServerTransport({ ...bitbucketEnv(fake, flavor), ...env }).transport);
    clients.push(client);
    return client;
  };
  const names = (tools: readonly Tool[]): string[] => tools.map((tool) => tool.name);
  const text = (result: CallToolResult): string =>
    result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });

  beforeEach(async () => {
    await fake.reset();
  });

  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.close()));
    await fake.stop();
  });

  it.each(['cloud', 'datacenter'] as const)(
    'pins every tool’s name, title, annotations and schemas on %s',
    async (flavor) => {
      const { tools } = await (await connect(flavor)).listTools();
      for (const tool of tools) {
        expect(tool.title).toEqual(expect.any(String));
        // Output schemas only with MCP_STRUCTURED_OUTPUT (apps/mcp-http/test/tool-catalogue-budget.e2e-spec.ts).
        expect(tool).not.toHaveProperty('outputSchema');
        // Only the hints that differ from the specification's defaults (open world, not read-only…): a tool
        // that reads says so and nothing else; one that writes says whether it destroys, and then needs a confirm argument.
        if (tool.annotations?.readOnlyHint === true) expect(Object.keys(tool.annotations)).toEqual(['readOnlyHint']);
        else expect(tool.annotations?.destructiveHint).toEqual(expect.any(Boolean));
        expect(tool.annotations?.openWorldHint).not.toBe(false);
        if (tool.annotations?.destructiveHint === true) expect(tool.inputSchema.properties).toHaveProperty('confirm');
      }
      expect(tools).toMatchSnapshot();
    },
  );

  it('offers Cloud-only tools (pipelines, issues, workspaces) on Cloud and not on Data Center', async () => {
    const cloud = names((await (await connect('cloud')).listTools()).tools);
    const datacenter = names((await (await connect('datacenter')).listTools()).tools);
    const cloudOnly = cloud.filter((name) => !datacenter.includes(name)).sort();
    expect(cloudOnly).toEqual(
      expect.arrayContaining(['get_pipeline', 'list_issues', 'list_workspaces', 'wait_for_pipeline']),
    );
    expect(cloudOnly.every((name) => /pipeline|issue|workspace/.test(name))).toBe(true);
  });

  it('in read-only mode lists no write tool, and refuses one called by name', async () => {
    const client = await connect('cloud', { MCP_READ_ONLY: 'true' });
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(20);
    expect(tools.every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
    const refused = (await client.callTool({
      name: 'create_branch',
      arguments: { workspace: 'acme', repo: 'payments-api', name: 'x', startPoint: 'main' },
    })) as CallToolResult;
    expect(refused.isError).toBe(true);
    expect(text(refused)).toContain('TOOL_READ_ONLY');
    expect(await fake.requests({ method: 'POST' })).toEqual([]);
  });

  it('offers only the chosen toolsets, minus disabled tools; MCP_ENABLED_TOOLS narrows further', async () => {
    const sets = names(
      (
        await (
          await connect('cloud', { MCP_TOOLSETS: 'context,branches', MCP_DISABLED_TOOLS: 'delete_branch' })
        ).listTools()
      ).tools,
    );
    expect(sets).toContain('list_branches');
    expect(sets).toContain('get_current_user');
    expect(sets).not.toContain('delete_branch');
    expect(sets).not.toContain('list_pull_requests');
    const enabled = await connect('cloud', { MCP_ENABLED_TOOLS: 'get_repository,list_pull_requests' });
    expect(names((await enabled.listTools()).tools).sort()).toEqual(['get_repository', 'list_pull_requests']);
    const refused = (await enabled.callTool({ name: 'get_current_user', arguments: {} })) as CallToolResult;
    expect(text(refused)).toContain('TOOL_NOT_OFFERED');
  });

  it.each([
    ['accepts', 'MERGED', 'accept'],
    ['declines', 'OPEN', 'decline'],
  ] as const)(
    'asks through elicitation before a merge; when the user %s, the pull request is %s',
    async (_verb, state, answer) => {
      const client = await connect('cloud', {}, answer);
      const merge = (await client.callTool({
        name: 'merge_pull_request',
        arguments: { workspace: 'acme', repo: 'payments-api', pullRequestId: 3 },
      })) as CallToolResult;
      expect(merge.isError === true).toBe(answer === 'decline');
      if (answer === 'decline') expect(text(merge)).toContain('TOOL_NOT_CONFIRMED');
      const read = (await client.callTool({
        name: 'get_pull_request',
        arguments: { workspace: 'acme', repo: 'payments-api', pullRequestId: 3 },
      })) as CallToolResult;
      expect(text(read)).toContain(state);
    },
  );
});
