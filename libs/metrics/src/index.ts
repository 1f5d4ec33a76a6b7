export { metricsConfig } from './metrics.config';
export { MetricsModule } from './metrics.module';
