export { McpEventStoreEvents, type EventStoreEvent } from './event-store/mcp-event-store-events';
export { HttpTransportModule } from './http-transport.module';
export { OriginGuard } from './http/origin.guard';
export { secureHttpSurface } from './http/secure-http-surface';
export { McpSessionEvents, type SessionCloseReason, type SessionEvent } from './session/mcp-session-events';
export { StdioMcpServer } from './stdio/stdio-mcp.server';
export { StdioTransportModule } from './stdio/stdio-transport.module';
export { transportConfig } from './transport.config';
