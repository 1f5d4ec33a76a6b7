/** One request of the tool phase: a tool call, a prompt or a resource read, as its JSON-RPC method and params. */
export interface McpCall {
  readonly method: 'tools/call' | 'prompts/get' | 'resources/read';
  readonly params: Readonly<Record<string, unknown>>;
}

/** A listing call whose answer had a cursor: replayed with that cursor forged. */
export interface CursorReplay {
  readonly call: McpCall;
  readonly cursor: string;
}
