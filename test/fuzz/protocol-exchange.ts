/** Which session a protocol exchange runs in: the target's shared one, a new one, none, or an id of its own. */
export type SessionChoice =
  | { readonly use: 'shared' }
  | { readonly use: 'fresh' }
  | { readonly use: 'none' }
  | { readonly use: 'id'; readonly id: string };

/**
 * A body as the fuzzer describes it: JSON (a message or a batch), raw text or bytes, or a big one given by
 * its size (nested `depth` deep, or padded to `size` bytes) so a counterexample stays readable.
 */
export type ProtocolBody =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'deep'; readonly depth: number; readonly open: '[' | '{' }
  | { readonly kind: 'huge'; readonly size: number };

/** One raw HTTP exchange of the protocol phase. */
export interface ProtocolExchange {
  readonly endpoint: 'POST /mcp' | 'DELETE /mcp' | 'POST /messages';
  readonly session: SessionChoice;
  /** Header values to send instead of a well-formed request's; null leaves the header out. */
  readonly headers: Readonly<Record<string, string | null>>;
  readonly body: ProtocolBody;
}
