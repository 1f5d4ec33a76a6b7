/** Refusals of the rate limits; each is also the i18n key of its message. */
export enum RateLimitErrorCode {
  /** Too many requests from one client address (RATE_LIMIT_IP_*). */
  IP = 'RATE_LIMITED_IP',
  /** Too many requests from one principal (RATE_LIMIT_USER_*). */
  USER = 'RATE_LIMITED_USER',
  /** Too many calls of tools that change Bitbucket from one principal (RATE_LIMIT_WRITE_*). */
  WRITE_TOOLS = 'RATE_LIMITED_WRITE_TOOLS',
  /** The address sent too many refused credentials (RATE_LIMIT_AUTH_FAILURE_*). */
  AUTH_FAILURES = 'RATE_LIMITED_AUTH_FAILURES',
  /** Redis is away and RATE_LIMIT_FAIL_CLOSED refuses rather than count per replica. */
  UNAVAILABLE = 'RATE_LIMIT_UNAVAILABLE',
}
