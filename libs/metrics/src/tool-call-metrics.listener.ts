import { ToolCallEvents } from '@app/mcp';
import { Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter, Histogram } from 'prom-client';
import { METRIC } from './metric-names';

/** Answered tools/call as metrics, by registered tool (`unknown` for a name this server does not have). */
@Injectable()
export class ToolCallMetricsListener {
  constructor(
    private readonly events: ToolCallEvents,
    @InjectMetric(METRIC.toolCalls) private readonly calls: Counter,
    @InjectMetric(METRIC.toolCallDuration) private readonly duration: Histogram,
  ) {}

  listen(): void {
    this.events.on('tool-call', ({ tool, outcome: code, durationMs }) => {
      const labels = { tool: tool ?? 'unknown', outcome: code === 'OK' ? 'ok' : 'error' };
      this.calls.inc({ ...labels, code });
      this.duration.observe(labels, durationMs / 1000);
    });
  }
}
