export { HttpTransportModule } from './http-transport.module';
export { McpSessionRegistry } from './session/mcp-session-registry.service';
export { OriginPolicy } from './http/origin-policy';
export { StdioMcpServer } from './stdio/stdio-mcp.server';
export { StdioTransportModule } from './stdio/stdio-transport.module';
export { transportConfig } from './transport.config';
