import { McpSessionEvents, type SessionEvent } from '@app/transport';
import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter, Gauge } from 'prom-client';
import { METRIC } from './metric-names';

const TRANSPORTS: readonly SessionEvent['transport'][] = ['streamable-http', 'sse'];

/** MCP sessions opening and closing as metrics, and how many are open. */
@Injectable()
export class SessionMetricsListener {
  constructor(
    private readonly events: McpSessionEvents,
    @InjectMetric(METRIC.sessionsActive) private readonly active: Gauge,
    @InjectMetric(METRIC.sessionsOpened) private readonly opened: Counter,
    @InjectMetric(METRIC.sessionsClosed) private readonly closed: Counter,
  ) {}

  listen(): void {
    for (const transport of TRANSPORTS) {
      this.active.set({ transport }, 0);
      this.opened.inc({ transport }, 0);
    }
    this.events.on('opened', ({ transport }) => {
      this.opened.inc({ transport });
      this.active.inc({ transport });
    });
    this.events.on('closed', ({ transport, reason }) => {
      this.closed.inc({ transport, reason });
      this.active.dec({ transport });
    });
  }
}
