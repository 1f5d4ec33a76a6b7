import type { FakeBitbucketProcess } from '@app/testing';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { TOOL_CASES } from './tool-cases';
import type { Flavor, ToolCaseEnv } from './tool-case';

export interface ToolSuiteConnection {
  readonly client: Client;
  close(): Promise<void>;
}

/** Connects an MCP client to the real server configured for `flavor` against the fake, plus `env`. */
export type ToolSuiteConnector = (
  fake: FakeBitbucketProcess,
  flavor: Flavor,
  env?: Record<string, string>,
) => Promise<ToolSuiteConnection>;

const textOf = (result: CallToolResult): string =>
  result.content.map((part) => (part.type === 'text' ? part.text : `[${part.type}]`)).join('\n');

/**
 * Declares the tool suite for one transport: every case, once per flavor it supports. Transports
 * differ only by their connector, so the same behaviour is proven over stdio, Streamable HTTP and SSE.
 */
export function describeToolSuite(
  transport: string,
  getFake: () => FakeBitbucketProcess,
  connect: ToolSuiteConnector,
): void {
  for (const flavor of ['cloud', 'datacenter'] as const) {
    describe(`tools over ${transport} on ${flavor === 'cloud' ? 'Bitbucket Cloud' : 'Bitbucket Data Center'}`, () => {
      let connection: ToolSuiteConnection | undefined;
      let env: ToolCaseEnv;

      beforeAll(async () => {
        const { client } = (connection = await connect(getFake(), flavor));
        env = {
          flavor,
          fake: getFake(),
          client,
          workspace: flavor === 'cloud' ? 'acme' : 'PLAT',
          call: async (tool, args = {}) => (await client.callTool({ name: tool, arguments: args })) as CallToolResult,
          text: textOf,
        };
      });
      beforeEach(async () => {
        await getFake().reset();
      });
      afterAll(async () => {
        await connection?.close();
      });

      it('has cases for every tool it offers, and offers every tool its cases name', async () => {
        const offered = (await env.client.listTools()).tools.map((tool) => tool.name).sort();
        const cased = [...new Set(TOOL_CASES.filter((c) => c.flavors.includes(flavor)).map((c) => c.tool))].sort();
        expect(offered).toEqual(cased);
      });

      for (const testCase of TOOL_CASES.filter((c) => c.flavors.includes(flavor))) {
        it(`${testCase.tool}: ${testCase.name}`, async () => {
          await testCase.run(env);
        });
      }
    });
  }
}
