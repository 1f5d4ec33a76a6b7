import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { UpstreamFailureKind } from './upstream/upstream-failure';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface UpstreamCallEvent {
  readonly method: string;
  /** The request's route template (`GET /repositories/{workspace}/{repo}`), never the concrete path. */
  readonly route: string;
  /** HTTP status, the failure kind when there was no answer, or `rejected` when the open breaker refused it at once. */
  readonly outcome: number | Exclude<UpstreamFailureKind, 'status'> | 'rejected';
  readonly durationMs: number;
}

export interface UpstreamRetryEvent {
  readonly method: string;
  readonly route: string;
  readonly attempt: number;
  /** What the failed attempt got: a retryable status (5xx, 429), or the failure kind (`timeout`, `network`) when no answer came. */
  readonly reason: number | Exclude<UpstreamFailureKind, 'status'>;
  readonly delayMs: number;
}

export interface BreakerEvent {
  readonly state: BreakerState;
  /** The upstream origin. */
  readonly upstream: string;
  /** Why the breaker moved, for operators: `7 of 10 calls failed within the rolling window`. */
  readonly reason: string;
}

interface BitbucketEventMap {
  call: [UpstreamCallEvent];
  retry: [UpstreamRetryEvent];
  breaker: [BreakerEvent];
  /** A new OAuth token was fetched: the current one reached its refresh time, or Bitbucket refused it (401). */
  'token-refresh': [{ readonly reason: 'expired' | 'rejected' }];
}

/**
 * What the gateway does, as events: upstream calls with their latency, retries, breaker transitions,
 * token refreshes. Observability turns them into metrics and logs; the gateway never depends on that.
 */
@Injectable()
export class BitbucketEvents extends EventEmitter<BitbucketEventMap> {}
