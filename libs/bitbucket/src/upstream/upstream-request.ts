import type { AnswerShape } from './answer-shape';

export type UpstreamQuery = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

/** One call to Bitbucket as an adapter describes it, before credentials, retries and the breaker. */
export interface UpstreamRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the API root (`/repositories/acme/x`), or an absolute URL on the same origin (a `next` link). */
  readonly path: string;
  readonly query?: UpstreamQuery;
  /** JSON body. */
  readonly json?: unknown;
  readonly accept?: 'json' | 'text';
  /** Stable label for metrics and logs, never the concrete path: `GET /repositories/{workspace}/{repo}`. */
  readonly route: string;
  /** What the JSON answer must hold for the mapper that reads it (checked by BitbucketRestApi.json). */
  readonly answer?: AnswerShape;
}
