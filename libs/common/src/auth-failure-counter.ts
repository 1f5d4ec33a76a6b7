/**
 * Counts a request whose credentials no method accepted, for whoever limits guessing. The rate-limit
 * lib puts one in the request context before authentication; the auth guard calls it when it refuses
 * a credential, so auth never depends on how (or whether) failures are limited.
 */
export interface AuthFailureCounter {
  /** Resolves once the failure is counted; never rejects. */
  count(): Promise<void>;
}
