export { HttpTransportModule } from './http-transport.module';
export { OriginGuard } from './http/origin.guard';
export { secureHttpSurface } from './http/secure-http-surface';
export { StdioMcpServer } from './stdio/stdio-mcp.server';
export { StdioTransportModule } from './stdio/stdio-transport.module';
export { transportConfig } from './transport.config';
