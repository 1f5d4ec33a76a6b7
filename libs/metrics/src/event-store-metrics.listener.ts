import { redisConfig } from '@app/redis';
import { McpEventStoreEvents, type EventStoreEvent } from '@app/transport';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { METRIC } from './metric-names';

const OPERATIONS: readonly EventStoreEvent['operation'][] = ['store', 'replay'];

/** The MCP event store's operations, failures and fallbacks as metrics. */
@Injectable()
export class EventStoreMetricsListener {
  constructor(
    private readonly events: McpEventStoreEvents,
    @Inject(redisConfig.KEY) private readonly redis: ConfigType<typeof redisConfig>,
    @InjectMetric(METRIC.eventStoreOperations) private readonly operations: Counter,
    @InjectMetric(METRIC.eventStoreFailures) private readonly failures: Counter,
    @InjectMetric(METRIC.eventStoreFallbacks) private readonly fallbacks: Counter,
  ) {}

  listen(): void {
    // The configured store's series exist from the start (the transport's factory picks it the same way).
    const store: EventStoreEvent['store'] = this.redis.url === undefined ? 'memory' : 'redis';
    for (const operation of OPERATIONS) {
      for (const counter of [this.operations, this.failures, this.fallbacks]) counter.inc({ store, operation }, 0);
    }
    this.events.on('operation', (event) => {
      this.operations.inc({ ...event });
    });
    this.events.on('failure', (event) => {
      this.failures.inc({ ...event });
    });
    this.events.on('fallback', (event) => {
      this.fallbacks.inc({ ...event });
    });
  }
}
