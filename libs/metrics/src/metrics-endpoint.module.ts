import { Module } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { MetricsController } from './metrics.controller';

/**
 * The /metrics route of the main listener, on @willsoto/nestjs-prometheus: only its controller, at
 * /metrics, serving prom-client's default registry. MetricsModule imports it only when metrics are on
 * and METRICS_PORT does not move them; the default metrics are collected by MetricsModule either way.
 */
@Module({
  imports: [PrometheusModule.register({ controller: MetricsController, defaultMetrics: { enabled: false } })],
})
export class MetricsEndpointModule {}
