import { freePort } from './free-port';
import { SpawnedProcess } from './spawned-process';

/** The built MCP HTTP server (dist/apps/mcp-http) in its own process on a free loopback port. */
export class McpHttpProcess {
  private constructor(
    readonly process: SpawnedProcess,
    /** `http://127.0.0.1:<port>` */
    readonly url: string,
  ) {}

  /** On `env.PORT` when given (a test that must know the URL first, e.g. for PUBLIC_URL), else on a free port. */
  static async start(env: Record<string, string> = {}): Promise<McpHttpProcess> {
    const port = env.PORT ?? String(await freePort());
    const url = `http://127.0.0.1:${port}`;
    // Open on loopback unless a test configures authentication: the auth suites do, the others test other things.
    const process = await SpawnedProcess.startReady(
      'mcp-http',
      { HOST: '127.0.0.1', AUTH_METHODS: 'none', ...env, PORT: port },
      `${url}/health/ready`,
    );
    return new McpHttpProcess(process, url);
  }

  get mcpUrl(): URL {
    return new URL(`${this.url}/mcp`);
  }

  get sseUrl(): URL {
    return new URL(`${this.url}/sse`);
  }

  /** Its LOG_DIR, where its application log and audit files are. */
  get logDir(): string {
    return this.process.logDir;
  }

  get output(): string {
    return this.process.output;
  }

  async stop(): Promise<void> {
    await this.process.stop();
  }
}
