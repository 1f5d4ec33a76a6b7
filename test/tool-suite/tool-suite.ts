import { readAuditRecords, type FakeBitbucketProcess } from '@app/testing';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { TOOL_CASES } from './tool-cases';
import type { Flavor, ToolCaseEnv } from './tool-case';

export interface ToolSuiteConnection {
  readonly client: Client;
  /** The server's LOG_DIR, where its audit records are. */
  readonly logDir: string;
  /** Ends the session and stops the server (its audit file is complete then). */
  close(): Promise<void>;
}

/** What a connector gives the server besides its flavor's settings: the cases read each answer's structured data. */
export const TOOL_SUITE_ENV = {
  MCP_STRUCTURED_OUTPUT: 'true',
  // One principal runs every case of a flavor within a minute, more write calls than the default limit allows.
  RATE_LIMIT_WRITE_LIMIT: '1000',
};

/** Connects an MCP client to the real server configured for `flavor` against the fake, plus `env`. */
export type ToolSuiteConnector = (
  fake: FakeBitbucketProcess,
  flavor: Flavor,
  env?: Record<string, string>,
) => Promise<ToolSuiteConnection>;

/** The audit records in `logDir`, once there are `count` of them or 5 s have passed (a stopped server has flushed them). */
async function auditRecordsOnceWritten(logDir: string, count: number): Promise<ReturnType<typeof readAuditRecords>> {
  const deadline = Date.now() + 5000;
  let records = readAuditRecords(logDir);
  while (records.length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    records = readAuditRecords(logDir);
  }
  return records;
}

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

      /** Every tool called, in order: the audit trail must have one record for each call of a write tool. */
      const called: string[] = [];

      beforeAll(async () => {
        const { client } = (connection = await connect(getFake(), flavor));
        env = {
          flavor,
          fake: getFake(),
          client,
          workspace: flavor === 'cloud' ? 'acme' : 'PLAT',
          call: async (tool, args = {}) => {
            called.push(tool);
            return (await client.callTool({ name: tool, arguments: args })) as CallToolResult;
          },
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

      // Last: it stops the server, which flushes the audit file.
      it('left one audit record per call of a write tool, whatever its outcome, and none for reads', async () => {
        const writeTools = new Set(
          (await env.client.listTools()).tools.filter((t) => t.annotations?.readOnlyHint !== true).map((t) => t.name),
        );
        const { logDir } = connection ?? { logDir: '' };
        await connection?.close();
        connection = undefined;
        const expected = called.filter((tool) => writeTools.has(tool)).sort();
        expect(expected.length).toBeGreaterThan(writeTools.size);
        const records = await auditRecordsOnceWritten(logDir, expected.length);
        expect(records.map((record) => record.tool).sort()).toEqual(expected);
        // The server's principal (none:local over HTTP without authentication, local over stdio) and the call's id.
        expect(new Set(records.map((record) => record.principal)).size).toBe(1);
        expect(records.every((record) => record.principal.endsWith('local') && record.correlationId !== '')).toBe(true);
        expect(records.some((record) => record.outcome === 'OK')).toBe(true);
      });
    });
  }
}
