import { httpServerConfig, type HttpServerConfig } from '@app/config';
import { ReadinessRegistry } from '@app/health';
import { McpModule } from '@app/mcp';
import { RedisConnection } from '@app/redis';
import { Module, type DynamicModule, type ModuleMetadata, type OnModuleInit } from '@nestjs/common';
import { createMcpEventStore } from './event-store/mcp-event-store.factory';
import { McpEventStore } from './event-store/mcp-event-store';
import { McpEventStoreEvents } from './event-store/mcp-event-store-events';
import { McpHttpExceptionFilter } from './http/mcp-http-exception.filter';
import { OriginGuard } from './http/origin.guard';
import { OriginPolicy } from './http/origin-policy';
import { ToolCallAccessCheck } from './http/tool-call-access-check';
import { McpSessionEvents } from './session/mcp-session-events';
import { McpSessionOpener } from './session/mcp-session-opener';
import { McpSessionRegistry } from './session/mcp-session-registry.service';
import { LegacySseController } from './sse/legacy-sse.controller';
import { LegacySseEndpoint } from './sse/legacy-sse.endpoint';
import { JsonOrSseTransport } from './streamable-http/json-or-sse-transport';
import { StreamableHttpController } from './streamable-http/streamable-http.controller';
import { StreamableHttpEndpoint } from './streamable-http/streamable-http.endpoint';
import { transportConfig, type TransportConfig } from './transport.config';

const HTTP_TRANSPORT_CONTROLLERS = [StreamableHttpController, LegacySseController];

const HTTP_TRANSPORT_PROVIDERS = [
  McpSessionEvents,
  McpEventStoreEvents,
  McpSessionRegistry,
  McpSessionOpener,
  StreamableHttpEndpoint,
  LegacySseEndpoint,
  OriginGuard,
  ToolCallAccessCheck,
  McpHttpExceptionFilter,
  {
    provide: OriginPolicy,
    inject: [transportConfig.KEY, httpServerConfig.KEY],
    useFactory: (transport: TransportConfig, server: HttpServerConfig) =>
      new OriginPolicy({
        allowedOrigins: transport.allowedOrigins,
        allowedHosts: transport.allowedHosts,
        loopback: server.loopback,
      }),
  },
  {
    provide: McpEventStore,
    inject: [transportConfig.KEY, RedisConnection, McpEventStoreEvents],
    useFactory: createMcpEventStore,
  },
];

/**
 * The HTTP transports: Streamable HTTP (/mcp) and legacy HTTP+SSE (/sse, /messages), sharing one
 * session registry. The app names the module providing the tools and imports RedisModule. It exports
 * the events of its sessions, its event store and (through McpModule) its tool calls, so a module
 * the app gives this very module to listens to the instances that emit them.
 */
@Module({})
export class HttpTransportModule implements OnModuleInit {
  constructor(
    private readonly eventStore: McpEventStore,
    private readonly readiness: ReadinessRegistry,
  ) {}

  static register(options: { tools: NonNullable<ModuleMetadata['imports']> }): DynamicModule {
    const mcp = McpModule.register({ imports: options.tools });
    return {
      module: HttpTransportModule,
      imports: [mcp],
      controllers: HTTP_TRANSPORT_CONTROLLERS,
      providers: HTTP_TRANSPORT_PROVIDERS,
      // The app orders OriginGuard among its global guards, before authentication.
      exports: [OriginGuard, McpSessionEvents, McpEventStoreEvents, mcp],
    };
  }

  /**
   * The event store is part of readiness as a detail, never as a reason to be unready: without it
   * (Redis away) every stream still works, only resumption is lost, and taking every replica out of
   * the load balancer for a shared dependency would turn that into an outage. An SDK whose internals
   * JsonOrSseTransport steers changed fails the start-up here, not the first session.
   */
  onModuleInit(): void {
    JsonOrSseTransport.assertSdkInternals();
    this.readiness.register('eventStore', async () => ({
      eventStore: { status: 'up', ...(await this.eventStore.status()) },
    }));
  }
}
