export { HttpTransportModule } from './http-transport.module';
export { StdioMcpServer } from './stdio/stdio-mcp.server';
export { StdioTransportModule } from './stdio/stdio-transport.module';
export { transportConfig } from './transport.config';
