import type { UpstreamResponse } from './upstream-response';

export type UpstreamFailureKind = 'status' | 'timeout' | 'network' | 'tls' | 'cancelled' | 'too-large';

/**
 * Why one attempt failed, as the resilience layer classifies it. Stays inside the lib: it is turned
 * into a BitbucketException before anything leaves.
 */
export class UpstreamFailure extends Error {
  constructor(
    readonly kind: UpstreamFailureKind,
    message: string,
    readonly response?: UpstreamResponse,
  ) {
    super(message);
    this.name = 'UpstreamFailure';
  }

  /** Worth another try for an idempotent request: 5xx, 429, timeouts and connection failures (not TLS ones). */
  get retryable(): boolean {
    if (this.kind === 'timeout' || this.kind === 'network') return true;
    const status = this.response?.status ?? 0;
    return this.kind === 'status' && (status >= 500 || status === 429);
  }
}
