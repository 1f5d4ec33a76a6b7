import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** The structured content of a result that must not be an error (the assertion fails the case otherwise). */
export function successfulContent<T>(result: CallToolResult): T {
  expect(result.isError).not.toBe(true);
  return result.structuredContent as T;
}
