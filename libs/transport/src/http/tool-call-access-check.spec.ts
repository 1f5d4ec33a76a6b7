import { RequestContext, type RequestContextData, type ToolKind } from '@app/common';
import { ToolCallEvents, type ToolCallRefusal, type ToolRegistry } from '@app/mcp';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { ToolCallAccessCheck } from './tool-call-access-check';

const registry = {
  lookup: (name: string) =>
    name === 'get_file' ? { handler: { definition: { name, hints: { readOnlyHint: true } } } } : undefined,
} as unknown as ToolRegistry;

const toolCall = (name: string): JSONRPCMessage => ({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: { name, arguments: {} },
});

describe('ToolCallAccessCheck', () => {
  let refused: ToolCallRefusal[];
  let check: ToolCallAccessCheck;
  let asked: ToolKind[];
  const allowing = { require: (kind: ToolKind) => void asked.push(kind) };

  /** The check of `body` in a request context `data` (none when undefined): 'passed' or what it threw. */
  const outcome = async (body: JSONRPCMessage, data: RequestContextData | undefined): Promise<string> => {
    const run = async (): Promise<string> =>
      check.check(body).then(
        () => 'passed',
        (error: unknown) => (error as Error).message,
      );
    return data === undefined ? run() : RequestContext.run(data, run);
  };

  beforeEach(() => {
    refused = [];
    asked = [];
    check = new ToolCallAccessCheck(
      registry,
      new ToolCallEvents().on('tool-call-refused', (event) => refused.push(event)),
    );
  });

  it("asks the principal's access for each known tool called, and passes what it allows", async () => {
    expect(await outcome(toolCall('get_file'), { correlationId: 'c-1', toolAccess: allowing })).toBe('passed');
    expect(asked).toEqual(['read']);
    expect(refused).toEqual([]);
  });

  it('refuses a tool call outside any request context instead of passing it', async () => {
    expect(await outcome(toolCall('get_file'), undefined)).toMatch(/outside an authenticated request context: refused/);
    expect(refused).toEqual([expect.objectContaining({ tool: 'get_file', outcome: 'INTERNAL' })]);
  });

  it('refuses a tool call in a context nothing authenticated (no ToolAccess)', async () => {
    expect(await outcome(toolCall('get_file'), { correlationId: 'c-2', principalId: 'apikey:alice' })).toMatch(
      /refused/,
    );
    expect(refused).toEqual([
      expect.objectContaining({
        tool: 'get_file',
        outcome: 'INTERNAL',
        correlationId: 'c-2',
        principalId: 'apikey:alice',
      }),
    ]);
  });

  it('has nothing to decide for a body calling no known tool', async () => {
    expect(await outcome(toolCall('no_such_tool'), undefined)).toBe('passed');
    expect(await outcome({ jsonrpc: '2.0', id: 2, method: 'tools/list' }, undefined)).toBe('passed');
  });
});
