import type { ToolKind } from './tool-access';

/**
 * How fast the principal may call tools, as the rate-limit lib set it in the request context after
 * authentication. Transports ask it for each tools/call before dispatching; the 429 it throws carries
 * `Retry-After`.
 */
export interface ToolCallLimit {
  /** Counts a call of a tool of `kind`; rejects with the refusal when the principal is over its limit. */
  admit(kind: ToolKind): Promise<void>;
}
