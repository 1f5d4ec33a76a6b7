import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { UpstreamFailureKind } from './upstream/upstream-failure';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface UpstreamCallEvent {
  readonly method: string;
  readonly route: string;
  /** HTTP status, or the failure kind when there was no answer. */
  readonly outcome: number | Exclude<UpstreamFailureKind, 'status'> | 'rejected';
  readonly durationMs: number;
}

export interface UpstreamRetryEvent {
  readonly method: string;
  readonly route: string;
  readonly attempt: number;
  readonly reason: string;
  readonly delayMs: number;
}

interface BitbucketEventMap {
  call: [UpstreamCallEvent];
  retry: [UpstreamRetryEvent];
  breaker: [{ readonly state: BreakerState; readonly upstream: string }];
  'token-refresh': [{ readonly reason: 'expired' | 'rejected' }];
}

/**
 * What the gateway does, as events: upstream calls with their latency, retries, breaker transitions,
 * token refreshes. Observability turns them into metrics and logs; the gateway never depends on that.
 */
@Injectable()
export class BitbucketEvents extends EventEmitter<BitbucketEventMap> {}
