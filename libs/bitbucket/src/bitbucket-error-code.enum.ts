/** Every way a call to Bitbucket can fail, as callers see it; each is also the i18n key of its message. */
export enum BitbucketErrorCode {
  /** The breaker is open or Bitbucket cannot be reached: fail fast, try again later. */
  UPSTREAM_UNAVAILABLE = 'BITBUCKET_UPSTREAM_UNAVAILABLE',
  UPSTREAM_TIMEOUT = 'BITBUCKET_UPSTREAM_TIMEOUT',
  /** Bitbucket answered 5xx. */
  UPSTREAM_ERROR = 'BITBUCKET_UPSTREAM_ERROR',
  RATE_LIMITED = 'BITBUCKET_RATE_LIMITED',
  /** Bitbucket refused the server's own credentials (not the MCP client's). */
  UNAUTHORIZED = 'BITBUCKET_UNAUTHORIZED',
  FORBIDDEN = 'BITBUCKET_FORBIDDEN',
  NOT_FOUND = 'BITBUCKET_NOT_FOUND',
  CONFLICT = 'BITBUCKET_CONFLICT',
  VALIDATION = 'BITBUCKET_VALIDATION',
  /** The caller gave up (MCP cancellation); not a Bitbucket failure. */
  CANCELLED = 'BITBUCKET_CANCELLED',
  /** The configured flavor has no such API (e.g. pipelines on Data Center). */
  UNSUPPORTED = 'BITBUCKET_UNSUPPORTED',
  /** Bitbucket answered with a link (a next page, a redirect) outside its API root, which is not followed. */
  FOREIGN_LINK = 'BITBUCKET_FOREIGN_LINK',
}
