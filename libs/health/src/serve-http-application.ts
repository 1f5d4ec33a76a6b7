import type { HttpServerConfig } from '@app/config';
import { Logger, type INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import { enableGracefulShutdown } from './enable-graceful-shutdown';
import { ShutdownState } from './shutdown-state.service';

export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

type ClientLimits = HttpServerConfig['limits'];

/** Connections refused at the cap are logged at most this often, with how many since the last line. */
const DROP_LOG_INTERVAL_MS = 10000;

/**
 * Listens with graceful shutdown armed first. Every request but the probes is counted from its very
 * first middleware (registered before Nest's own), so shutdown knows what it still owes an answer.
 * With `limits`, slow and excess clients are cut off (see limitClients); without, Node's defaults apply.
 */
export async function serveHttpApplication(
  app: INestApplication,
  address: ListenAddress,
  name: string,
  limits?: ClientLimits,
): Promise<void> {
  const logger = new Logger(name);
  const shutdown = app.get(ShutdownState);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/health/')) res.once('close', shutdown.requestStarted());
    next();
  });
  enableGracefulShutdown(app);
  const server = app.getHttpServer() as Server;
  if (limits !== undefined) limitClients(server, limits, logger);
  await app.listen(address.port, address.host);
  // The bound port, not the configured one: port 0 asks the system for a free port.
  const bound = server.address();
  const port = bound !== null && typeof bound === 'object' ? bound.port : address.port;
  logger.log(`Listening on http://${address.host.includes(':') ? `[${address.host}]` : address.host}:${port}`);
}

/**
 * Node's own defences, tightened (set before listening: Node reads them per connection, and the
 * checking interval when it starts listening). Headers and request timeouts count only while a
 * request is being received, never while it is answered, so long streams and tool calls are not cut.
 */
function limitClients(server: Server, limits: ClientLimits, logger: Logger): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  // Node enforces both timeouts on a timer, every 30 s by default (the createServer option, read from this
  // property when listening starts): a slow client would outlive a 10 s timeout by up to 30 s.
  Object.assign(server, { connectionsCheckingInterval: Math.min(1000, Math.ceil(limits.headersTimeoutMs / 10)) });
  let dropped = 0;
  let loggedAt = 0;
  server.on('drop', () => {
    dropped += 1;
    const now = Date.now();
    if (now - loggedAt < DROP_LOG_INTERVAL_MS) return;
    logger.warn(
      `At HTTP_MAX_CONNECTIONS (${limits.maxConnections}): closed ${dropped} new connection(s) since the last such warning`,
    );
    loggedAt = now;
    dropped = 0;
  });
}
