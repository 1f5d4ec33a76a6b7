import { McpServerFactory } from '@app/mcp';
import { Injectable, Logger } from '@nestjs/common';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { newMcpSession } from '../new-mcp-session';

/** The single session of a stdio server: protocol on stdin/stdout, nothing else on stdout. */
@Injectable()
export class StdioMcpServer {
  private readonly logger = new Logger(StdioMcpServer.name);
  private server: McpServer | undefined;

  constructor(private readonly factory: McpServerFactory) {}

  async serve(locale: string): Promise<void> {
    this.server = await this.factory.connect(newMcpSession(locale), new StdioServerTransport());
    this.logger.log('MCP session open on stdio');
  }

  async close(): Promise<void> {
    await this.server?.close();
  }
}
