/**
 * How the server proves its identity to Bitbucket (never with an MCP client's token). `id` tells
 * credentials apart without revealing them (request de-duplication keys, logs).
 */
export abstract class OutboundCredentials {
  abstract readonly id: string;
  abstract readonly kind: string;
  /** The Authorization header value, or undefined for anonymous calls. */
  abstract authorization(signal?: AbortSignal): Promise<string | undefined>;
  /** Whether a 401 can be cured by fetching a new token (OAuth). */
  abstract readonly refreshable: boolean;
  /** Forget the current token so the next call fetches a new one. */
  abstract invalidate(): void;
}
