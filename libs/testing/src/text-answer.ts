/**
 * For `toMatchObject`: a tools/call result (an SDK result, or the `result` of a raw JSON-RPC answer)
 * whose text contains `fragment`. Tools answer with text only unless MCP_STRUCTURED_OUTPUT is on.
 */
export const textAnswer = (fragment: string): { content: { type: 'text'; text: string }[] } => ({
  content: [{ type: 'text', text: expect.stringContaining(fragment) as string }],
});
