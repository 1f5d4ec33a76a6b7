export { StdioMcpServer } from './stdio/stdio-mcp.server';
export { TransportModule } from './transport.module';
