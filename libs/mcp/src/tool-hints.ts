import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';

/** MCP tool annotations for the kinds of tools there are (all touch Bitbucket: open world). */
export const TOOL_HINTS = {
  read: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  /** Creates or changes something; calling twice does it twice. */
  write: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  /** Changes something to a state; calling twice is the same as once (approve, resolve). */
  idempotentWrite: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  /** Cannot be undone (merge, delete): needs the user's confirmation. */
  destructive: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
} as const satisfies Record<string, ToolAnnotations>;
