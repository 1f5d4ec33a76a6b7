import { AuthEvents } from '@app/auth';
import { RateLimitEvents, type RateLimitName } from '@app/rate-limit';
import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { METRIC } from './metric-names';

const RATE_LIMITS: readonly RateLimitName[] = ['ip', 'user', 'auth-failures', 'write-tools'];

/** Requests refused before any work: by a rate limit (429), by authentication (401, 403 for a scope). */
@Injectable()
export class RefusalMetricsListener {
  constructor(
    private readonly rateLimits: RateLimitEvents,
    private readonly auth: AuthEvents,
    @InjectMetric(METRIC.rateLimitRefusals) private readonly refusals: Counter,
    @InjectMetric(METRIC.authFailures) private readonly authFailures: Counter,
  ) {}

  listen(): void {
    for (const limit of RATE_LIMITS) this.refusals.inc({ limit }, 0);
    this.rateLimits.on('rate-limited', ({ limit }) => {
      this.refusals.inc({ limit });
    });
    this.auth.on('failure', (failure) => {
      this.authFailures.inc({ ...failure });
    });
  }
}
