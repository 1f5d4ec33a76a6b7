import type { FakeBitbucketProcess } from '@app/testing';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

export type Flavor = 'cloud' | 'datacenter';

/** What a case runs against: one MCP client connected to the real server, and the fake behind it. */
export interface ToolCaseEnv {
  readonly flavor: Flavor;
  readonly fake: FakeBitbucketProcess;
  readonly client: Client;
  /** `acme` on Cloud, `PLAT` on Data Center: where payments-api lives. */
  readonly workspace: string;
  /** Calls a tool and returns its result (errors are results with isError, as MCP has them). */
  call(tool: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** The text content of a result, joined. */
  text(result: CallToolResult): string;
}

/**
 * One end-to-end case of the tool suite: the fake is reset before it, so a case may write; ids are
 * deterministic after a reset (see apps/fake-bitbucket/seed).
 */
export interface ToolCase {
  readonly name: string;
  readonly tool: string;
  readonly flavors: readonly Flavor[];
  run(env: ToolCaseEnv): Promise<void>;
}
