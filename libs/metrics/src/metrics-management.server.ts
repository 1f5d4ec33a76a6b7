import { httpServerConfig, type HttpServerConfig } from '@app/config';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { register } from 'prom-client';
import { metricsConfig, type MetricsConfig } from './metrics.config';

/**
 * With METRICS_PORT, GET /metrics on its own listener bound to HOST, kept off the public one: plain
 * node:http, as nothing of the app (authentication, rate limits, MCP) belongs there. Anything else
 * there is a 404. A port that cannot be bound fails the start, like the main one.
 */
@Injectable()
export class MetricsManagementServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: Server | undefined;

  constructor(
    @Inject(metricsConfig.KEY) private readonly config: MetricsConfig,
    @Inject(httpServerConfig.KEY) private readonly http: HttpServerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.port;
    if (!this.config.enabled || port === undefined) return;
    const server = createServer((req, res) => void this.answer(req, res));
    server.listen(port, this.http.host);
    await once(server, 'listening');
    this.server = server;
    const host = this.http.host.includes(':') ? `[${this.http.host}]` : this.http.host;
    this.logger.log(`Metrics on http://${host}:${port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not Found\n');
      return;
    }
    try {
      const body = await register.metrics();
      res.writeHead(200, { 'Content-Type': register.contentType }).end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      this.logger.error(`Collecting metrics failed: ${error instanceof Error ? error.message : String(error)}`);
      res.writeHead(500).end();
    }
  }
}
