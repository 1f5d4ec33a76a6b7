import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { RateLimitName } from './rate-limit-rule';

export interface RateLimitedEvent {
  /** The limit that refused the request. */
  readonly limit: RateLimitName;
}

interface RateLimitEventMap {
  'rate-limited': [RateLimitedEvent];
}

/**
 * What the rate limits do, as events: each refused request, by the limit that refused it. Metrics
 * count them; the rate limits never depend on that.
 */
@Injectable()
export class RateLimitEvents extends EventEmitter<RateLimitEventMap> {}
