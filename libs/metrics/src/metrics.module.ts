import { AuthModule } from '@app/auth';
import { BitbucketModule } from '@app/bitbucket';
import { RateLimitModule } from '@app/rate-limit';
import {
  Inject,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type OnModuleInit,
} from '@nestjs/common';
import { ConditionalModule } from '@nestjs/config';
import { EventStoreMetricsListener } from './event-store-metrics.listener';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { METRIC_PROVIDERS } from './metric.providers';
import { metricsConfig, type MetricsConfig } from './metrics.config';
import { MetricsEndpointModule } from './metrics-endpoint.module';
import { MetricsManagementServer } from './metrics-management.server';
import { ProcessMetricsCollector } from './process-metrics.collector';
import { RefusalMetricsListener } from './refusal-metrics.listener';
import { SessionMetricsListener } from './session-metrics.listener';
import { ToolCallMetricsListener } from './tool-call-metrics.listener';
import { UpstreamMetricsListener } from './upstream-metrics.listener';

const LISTENERS = [
  ProcessMetricsCollector,
  UpstreamMetricsListener,
  ToolCallMetricsListener,
  SessionMetricsListener,
  EventStoreMetricsListener,
  RefusalMetricsListener,
];

/** /metrics on the main listener: metrics on, and METRICS_PORT not moving them to their own. */
const servedOnMainListener = (env: NodeJS.ProcessEnv): boolean => {
  const config = metricsConfig.resolve(env);
  return config.enabled && config.port === undefined;
};

/**
 * Prometheus metrics (docs/operations.md, Metrics) from the events the other libs emit: the gateway's,
 * the tool dispatcher's, the session registry's, the event store's, authentication's and the rate
 * limits'; HTTP requests from a middleware. Served at GET /metrics on the main listener, or on
 * METRICS_PORT only. With METRICS_ENABLED=false nothing listens, nothing is collected or served.
 */
@Module({})
export class MetricsModule implements NestModule, OnModuleInit {
  constructor(
    @Inject(metricsConfig.KEY) private readonly config: MetricsConfig,
    private readonly process: ProcessMetricsCollector,
    private readonly upstream: UpstreamMetricsListener,
    private readonly toolCalls: ToolCallMetricsListener,
    private readonly sessions: SessionMetricsListener,
    private readonly eventStore: EventStoreMetricsListener,
    private readonly refusals: RefusalMetricsListener,
  ) {}

  /**
   * `httpTransport` is the very module the app imports (HttpTransportModule.register(…)): Nest keys a
   * dynamic module by reference, so the events heard here are those its sessions, event store and tool
   * calls emit, not a second instance's.
   */
  static register(options: { httpTransport: DynamicModule }): DynamicModule {
    return {
      module: MetricsModule,
      imports: [
        BitbucketModule,
        AuthModule,
        RateLimitModule,
        options.httpTransport,
        ConditionalModule.registerWhen(MetricsEndpointModule, servedOnMainListener, { debug: false }),
      ],
      providers: [...METRIC_PROVIDERS, ...LISTENERS, HttpMetricsMiddleware, MetricsManagementServer],
    };
  }

  onModuleInit(): void {
    if (!this.config.enabled) return;
    for (const listener of [
      this.process,
      this.upstream,
      this.toolCalls,
      this.sessions,
      this.eventStore,
      this.refusals,
    ]) {
      listener.listen();
    }
  }

  configure(consumer: MiddlewareConsumer): void {
    if (this.config.enabled) consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
