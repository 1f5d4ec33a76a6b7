import { Logger, type INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:net';
import { enableGracefulShutdown } from './enable-graceful-shutdown';
import { ShutdownState } from './shutdown-state.service';

export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * Listens with graceful shutdown armed first. Every request but the probes is counted from its very
 * first middleware (registered before Nest's own), so shutdown knows what it still owes an answer.
 */
export async function serveHttpApplication(app: INestApplication, address: ListenAddress, name: string): Promise<void> {
  const shutdown = app.get(ShutdownState);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/health/')) res.once('close', shutdown.requestStarted());
    next();
  });
  enableGracefulShutdown(app);
  await app.listen(address.port, address.host);
  // The bound port, not the configured one: port 0 asks the system for a free port.
  const bound = (app.getHttpServer() as Server).address();
  const port = bound !== null && typeof bound === 'object' ? bound.port : address.port;
  new Logger(name).log(
    `Listening on http://${address.host.includes(':') ? `[${address.host}]` : address.host}:${port}`,
  );
}
