import { McpHttpProcess } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { listToolsRequest, openSession, post, toolCallRequest } from './mcp-http-client';
import { ServersOnFake } from './servers-on-fake';

/** The most bytes of tools/list JSON the default catalogue may cost a client that loads every tool. */
const CATALOGUE_BUDGET_BYTES = 40000;
/**
 * The same budget in every language but Japanese, whose characters take three bytes of UTF-8 each:
 * its catalogue, as terse as the others, is held to its own ceiling so it cannot grow either.
 */
const BUDGETS: Record<string, number> = { en: 40000, fr: 40000, de: 40000, es: 40000, ja: 45000 };

/** Five calls an assistant makes all day, the first one a full page of 100 commits. */
const COMMON_CALLS: [string, Record<string, unknown>][] = [
  ['list_commits', { workspace: 'acme', repo: 'release-notes', limit: 100 }],
  ['list_pull_requests', { workspace: 'acme', repo: 'payments-api' }],
  ['get_pull_request', { workspace: 'acme', repo: 'payments-api', pullRequestId: 1 }],
  ['get_pull_request_diff', { workspace: 'acme', repo: 'payments-api', pullRequestId: 1 }],
  ['get_repository', { workspace: 'acme', repo: 'payments-api' }],
];

interface ToolCallAnswer {
  result: CallToolResult;
}

const textOf = (result: CallToolResult): string =>
  result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');

/**
 * What the catalogue and the answers cost a model, measured over real HTTP on the built server against
 * the fake Bitbucket Cloud (its catalogue is the largest: every toolset, pipelines and issues included).
 * By default tools/list advertises compact input schemas and no output schemas, and tools answer with
 * text only; MCP_STRUCTURED_OUTPUT adds the output schemas and structuredContent, which must match them.
 */
describe('the tool catalogue’s budget and what answers carry (the built mcp-http app)', () => {
  const suite = new ServersOnFake();
  const start = async (env: Record<string, string> = {}): Promise<McpHttpProcess> => suite.start(env);

  beforeAll(async () => {
    await suite.startFake();
  });

  afterAll(async () => {
    await suite.stopAll();
  });

  describe('with the default settings', () => {
    let server: McpHttpProcess;

    beforeAll(async () => {
      server = await start();
    });

    /** The tools/list answer, as the bytes a client receives, for a session opened in `language`. */
    const listed = async (language: string): Promise<{ bytes: number; tools: Tool[] }> => {
      const headers = { 'Accept-Language': language };
      const session = await openSession(server.mcpUrl, headers);
      const res = await post(server.mcpUrl, listToolsRequest, { ...headers, 'Mcp-Session-Id': session });
      expect(res.headers.get('content-type')).toContain('application/json');
      const body = await res.text();
      return {
        bytes: Buffer.byteLength(body),
        tools: (JSON.parse(body) as { result: { tools: Tool[] } }).result.tools,
      };
    };

    it(`lists every tool in at most ${CATALOGUE_BUDGET_BYTES} bytes of JSON, without output schemas`, async () => {
      const sizes: string[] = [];
      const over: string[] = [];
      for (const [language, budget] of Object.entries(BUDGETS)) {
        const { bytes, tools } = await listed(language);
        sizes.push(`${language} ${bytes}`);
        if (bytes > budget) over.push(`${language}: ${bytes} bytes, budget ${budget}`);
        expect(tools.length).toBeGreaterThanOrEqual(53);
        for (const tool of tools) expect(tool).not.toHaveProperty('outputSchema');
      }
      process.stdout.write(`tools/list bytes by language: ${sizes.join(', ')}\n`);
      expect(over).toEqual([]);
    });

    it('advertises what a model chooses from, not what only validation needs', async () => {
      const { tools } = await listed('en');
      const pullRequests = tools.find((tool) => tool.name === 'list_pull_requests');
      expect(pullRequests?.inputSchema).toEqual({
        type: 'object',
        properties: {
          workspace: { type: 'string', description: expect.any(String) as string },
          repo: { type: 'string' },
          states: {
            description: expect.any(String) as string,
            type: 'array',
            minItems: 1,
            maxItems: 4,
            items: { type: 'string', enum: ['OPEN', 'MERGED', 'DECLINED', 'SUPERSEDED'] },
          },
          author: { description: expect.any(String) as string, type: 'string' },
          reviewer: { description: expect.any(String) as string, type: 'string' },
          mine: { description: expect.any(String) as string, type: 'string', enum: ['authored', 'reviewing'] },
          cursor: { type: 'string' },
          limit: { type: 'integer', minimum: 1, maximum: 100 },
        },
        required: ['workspace', 'repo'],
      });
      expect(pullRequests?.annotations).toEqual({ readOnlyHint: true });
    });

    it('still validates every argument as strictly as before: lengths, patterns, unknown arguments', async () => {
      const session = { 'Mcp-Session-Id': await openSession(server.mcpUrl) };
      const refusals = [
        { workspace: 'a'.repeat(201), repo: 'payments-api' },
        { workspace: 'acme', repo: 'payments api' },
        { workspace: 'acme', repo: 'payments-api', colour: 'blue' },
      ];
      for (const [index, args] of refusals.entries()) {
        const res = await post(server.mcpUrl, toolCallRequest('get_repository', args, 10 + index), session);
        const { result } = (await res.json()) as ToolCallAnswer;
        expect(result.isError).toBe(true);
        expect(textOf(result)).toContain('TOOL_INVALID_ARGUMENTS');
      }
    });

    it('answers the common tools with text only: the data once', async () => {
      const session = { 'Mcp-Session-Id': await openSession(server.mcpUrl) };
      const sizes: string[] = [];
      for (const [index, [name, args]] of COMMON_CALLS.entries()) {
        const res = await post(server.mcpUrl, toolCallRequest(name, args, 20 + index), session);
        const body = await res.text();
        const { result } = JSON.parse(body) as ToolCallAnswer;
        expect(result.isError).not.toBe(true);
        expect(result).not.toHaveProperty('structuredContent');
        sizes.push(`${name} ${Buffer.byteLength(body)} (text ${textOf(result).length})`);
      }
      process.stdout.write(`answer bytes, text only: ${sizes.join(', ')}\n`);
    });
  });

  describe('with MCP_STRUCTURED_OUTPUT=true', () => {
    let client: Client;

    beforeAll(async () => {
      const server = await start({ MCP_STRUCTURED_OUTPUT: 'true' });
      client = new Client({ name: 'catalogue-budget', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(server.mcpUrl));
    });

    afterAll(async () => {
      await client.close();
    });

    it('lists an output schema for every tool, and answers with structuredContent that matches it', async () => {
      // listTools makes the SDK client check every later result against its tool's output schema, as
      // Cursor does: a call answering without structuredContent, or with content the schema refuses, throws.
      const { tools } = await client.listTools();
      for (const tool of tools) expect(tool.outputSchema).toMatchObject({ type: 'object' });
      const sizes: string[] = [];
      for (const [name, args] of COMMON_CALLS) {
        const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
        expect(result.isError).not.toBe(true);
        expect(result.structuredContent).toEqual(expect.any(Object));
        const structured = JSON.stringify(result.structuredContent).length;
        sizes.push(`${name} text ${textOf(result).length} + structured ${structured}`);
      }
      process.stdout.write(`answer characters with structured output: ${sizes.join(', ')}\n`);
    });
  });
});
