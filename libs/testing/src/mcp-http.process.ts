import { freePort } from './free-port';
import { SpawnedProcess } from './spawned-process';

/** The built MCP HTTP server (dist/apps/mcp-http) in its own process on a free loopback port. */
export class McpHttpProcess {
  private constructor(
    readonly process: SpawnedProcess,
    /** `http://127.0.0.1:<port>` */
    readonly url: string,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<McpHttpProcess> {
    const port = await freePort();
    const process = SpawnedProcess.start('mcp-http', { PORT: String(port), HOST: '127.0.0.1', ...env });
    const url = `http://127.0.0.1:${port}`;
    await process.waitForHttp(`${url}/health/ready`);
    return new McpHttpProcess(process, url);
  }

  get mcpUrl(): URL {
    return new URL(`${this.url}/mcp`);
  }

  get sseUrl(): URL {
    return new URL(`${this.url}/sse`);
  }

  get output(): string {
    return `${this.process.stdout}${this.process.stderr}`;
  }

  async stop(): Promise<void> {
    await this.process.stop();
  }
}
