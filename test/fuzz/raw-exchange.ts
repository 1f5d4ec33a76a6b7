/** One HTTP request the fuzzer sends to the server, as sent. */
export interface RawRequest {
  readonly method: 'POST' | 'DELETE';
  /** Below the server's origin, with its query: `/mcp`, `/messages?sessionId=…`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

/** What came back: status 0 and `failure` when nothing did (connection refused or reset, no answer in time). */
export interface RawAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly sessionId: string | null;
  readonly text: string;
  readonly failure?: string;
}
