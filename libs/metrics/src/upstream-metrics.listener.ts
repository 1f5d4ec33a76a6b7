import { BitbucketEvents, bitbucketConfig, type BitbucketConfig } from '@app/bitbucket';
import { Inject, Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter, Gauge, Histogram } from 'prom-client';
import { METRIC } from './metric-names';
import { statusClass } from './status-class';

const BREAKER_STATE_VALUES = { closed: 0, 'half-open': 1, open: 2 } as const;

/** The gateway's events as metrics: calls, retries, token refreshes, the breaker. */
@Injectable()
export class UpstreamMetricsListener {
  constructor(
    private readonly events: BitbucketEvents,
    @Inject(bitbucketConfig.KEY) private readonly config: BitbucketConfig,
    @InjectMetric(METRIC.upstreamRequests) private readonly requests: Counter,
    @InjectMetric(METRIC.upstreamRequestDuration) private readonly duration: Histogram,
    @InjectMetric(METRIC.upstreamRetries) private readonly retries: Counter,
    @InjectMetric(METRIC.upstreamTokenRefreshes) private readonly refreshes: Counter,
    @InjectMetric(METRIC.breakerState) private readonly breakerState: Gauge,
    @InjectMetric(METRIC.breakerTransitions) private readonly transitions: Counter,
    @InjectMetric(METRIC.breakerRejections) private readonly rejections: Counter,
  ) {}

  listen(): void {
    const flavor = this.config.flavor;
    // Every series of a known label set exists from the start, at 0: rates and alerts need no first event.
    this.breakerState.set({ flavor }, BREAKER_STATE_VALUES.closed);
    this.rejections.inc({ flavor }, 0);
    for (const to of Object.keys(BREAKER_STATE_VALUES)) this.transitions.inc({ flavor, to }, 0);
    for (const reason of ['expired', 'rejected']) this.refreshes.inc({ flavor, reason }, 0);

    this.events.on('call', ({ route, outcome, durationMs }) => {
      const labels = {
        flavor,
        operation: route,
        status_class: typeof outcome === 'number' ? statusClass(outcome) : outcome,
      };
      this.requests.inc(labels);
      this.duration.observe(labels, durationMs / 1000);
      if (outcome === 'rejected') this.rejections.inc({ flavor });
    });
    this.events.on('retry', ({ route, reason }) => {
      this.retries.inc({ flavor, operation: route, reason: String(reason) });
    });
    this.events.on('token-refresh', ({ reason }) => {
      this.refreshes.inc({ flavor, reason });
    });
    this.events.on('breaker', ({ state }) => {
      this.breakerState.set({ flavor }, BREAKER_STATE_VALUES[state]);
      this.transitions.inc({ flavor, to: state });
    });
  }
}
