import { freePort, McpHttpProcess, NginxProcess, REPO_ROOT } from '@app/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The routes deploy/nginx/mcp-replicas.conf.template expects, replica n having `replica-n`. */
export const ROUTES = ['replica-1', 'replica-2', 'replica-3'] as const;

/** One line of the template's JSON access log (log_format mcp_replicas). */
export interface AccessRecord {
  readonly method: string;
  readonly uri: string;
  readonly status: number;
  /** The request's Mcp-Session-Id, '' without one. */
  readonly session: string;
  /** The Mcp-Session-Id the answer issued (an initialize), '' without one. */
  readonly issued: string;
  /** The upstream group the route chose (mcp_replicas, mcp_replica_<n>). */
  readonly upstream: string;
  /** Every replica tried, in order (`a, b` when nginx passed the request on). */
  readonly upstream_addr: string;
}

/** The route a session id ends with (`<uuid>.<route>`), or undefined. */
export function routeOf(sessionId: string): string | undefined {
  return /\.([a-z0-9-]+)$/.exec(sessionId)?.[1];
}

/** The template with its `${NAME}` placeholders filled; a placeholder left without a value fails. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{([A-Z0-9_]+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for ${placeholder}`);
    return value;
  });
}

/**
 * Three built mcp-http replicas on loopback, replica n with MCP_SESSION_ROUTE=replica-n, behind an
 * nginx running deploy/nginx/mcp-replicas.conf.template. Each replica keeps its port across restarts.
 */
export class ReplicasBehindNginx {
  // Set once nginx has started, in start().
  nginx!: NginxProcess;
  /** Replicas nginx sends nothing to (`down`): the way to take one out of plain nginx before stopping it. */
  private readonly withdrawn = new Set<string>();

  private constructor(
    readonly replicas: McpHttpProcess[],
    private readonly ports: readonly number[],
    private readonly listen: number,
    private readonly env: Record<string, string>,
  ) {}

  /** `http://127.0.0.1:<nginx port>` */
  get url(): string {
    return `http://127.0.0.1:${this.listen}`;
  }

  static async start(
    env: Record<string, string>,
    nginxOptions: { workerShutdownTimeout?: string } = {},
  ): Promise<ReplicasBehindNginx> {
    const ports = await Promise.all(ROUTES.map(async () => freePort()));
    const listen = await freePort();
    const replicas = await Promise.all(
      ROUTES.map(async (route, index) =>
        McpHttpProcess.start({ ...env, MCP_SESSION_ROUTE: route, PORT: String(ports[index]) }),
      ),
    );
    const set = new ReplicasBehindNginx(replicas, ports, listen, env);
    try {
      set.nginx = await NginxProcess.start((directory) => set.configuration(directory), listen, nginxOptions);
      return set;
    } catch (error) {
      await Promise.all(replicas.map(async (replica) => replica.stop()));
      throw error;
    }
  }

  get mcpUrl(): URL {
    return new URL(`${this.url}/mcp`);
  }

  get sseUrl(): URL {
    return new URL(`${this.url}/sse`);
  }

  /** The route of the replica at `address` (`127.0.0.1:<port>`). */
  routeAt(address: string): string {
    const route = ROUTES[this.ports.findIndex((port) => address === `127.0.0.1:${port}`)];
    if (route === undefined) throw new Error(`${address} is no replica`);
    return route;
  }

  /** The running replica of `route`. */
  replica(route: string | undefined): McpHttpProcess {
    const replica = this.replicas[ROUTES.findIndex((name) => name === route)];
    if (replica === undefined) throw new Error(`no replica has the route ${route}`);
    return replica;
  }

  /** Everything nginx logged so far, oldest first. */
  accessLog(): AccessRecord[] {
    return readFileSync(join(this.nginx.directory, 'access.log'), 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as AccessRecord);
  }

  /** Marks the replica of `route` `down` in nginx and reloads it: from then on, nginx sends it nothing. */
  async withdraw(route: string): Promise<void> {
    this.withdrawn.add(route);
    await this.nginx.reconfigure((directory) => this.configuration(directory));
  }

  /** Puts the replica of `route` back into nginx's rotation. */
  async readmit(route: string): Promise<void> {
    this.withdrawn.delete(route);
    await this.nginx.reconfigure((directory) => this.configuration(directory));
  }

  /** Stops the replica of `route` with SIGTERM (its graceful shutdown), waits for its exit, starts it again and waits until it is ready. */
  async restart(route: string): Promise<void> {
    const index = ROUTES.findIndex((name) => name === route);
    await this.replica(route).stop();
    this.replicas[index] = await McpHttpProcess.start({
      ...this.env,
      MCP_SESSION_ROUTE: route,
      PORT: String(this.ports[index]),
    });
  }

  /** deploy/nginx/mcp-replicas.conf.template filled in, logging to `directory`. */
  private configuration(directory: string): string {
    return fillTemplate(readFileSync(join(REPO_ROOT, 'deploy/nginx/mcp-replicas.conf.template'), 'utf8'), {
      MCP_LISTEN: `127.0.0.1:${this.listen}`,
      MCP_ACCESS_LOG: join(directory, 'access.log'),
      ...Object.fromEntries(
        ROUTES.map((route, index) => [
          `MCP_REPLICA_${index + 1}`,
          `127.0.0.1:${this.ports[index]}${this.withdrawn.has(route) ? ' down' : ''}`,
        ]),
      ),
    });
  }

  async stop(): Promise<void> {
    await this.nginx.stop();
    await Promise.all(this.replicas.map(async (replica) => replica.stop()));
  }
}
