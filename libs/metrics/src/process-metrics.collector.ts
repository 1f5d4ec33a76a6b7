import { SERVER_INFO } from '@app/mcp';
import { Inject, Injectable } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { collectDefaultMetrics, type Gauge } from 'prom-client';
import { METRIC } from './metric-names';
import { metricsConfig, type MetricsConfig } from './metrics.config';

/** prom-client's default process and Node.js metrics, with the prefix of every other metric, and build_info. */
@Injectable()
export class ProcessMetricsCollector {
  constructor(
    @Inject(metricsConfig.KEY) private readonly config: MetricsConfig,
    @InjectMetric(METRIC.buildInfo) private readonly buildInfo: Gauge,
  ) {}

  listen(): void {
    collectDefaultMetrics({ prefix: 'bitbucket_mcp_' });
    this.buildInfo.set({ version: SERVER_INFO.version, commit: this.config.commit, node: process.version }, 1);
  }
}
