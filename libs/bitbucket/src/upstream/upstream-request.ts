export type UpstreamMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type UpstreamQuery = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

/** One call to Bitbucket as an adapter describes it, before credentials, retries and the breaker. */
export interface UpstreamRequest {
  readonly method: UpstreamMethod;
  /** Path below the API root (`/repositories/acme/x`), or an absolute URL on the same origin (a `next` link). */
  readonly path: string;
  readonly query?: UpstreamQuery;
  /** JSON body, or a form body for token endpoints. */
  readonly json?: unknown;
  readonly form?: Readonly<Record<string, string>>;
  readonly accept?: 'json' | 'text';
  readonly headers?: Readonly<Record<string, string>>;
  /** Stable label for metrics and logs, never the concrete path: `GET /repositories/{workspace}/{repo}`. */
  readonly route: string;
}
