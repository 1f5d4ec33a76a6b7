import { httpServerConfig, type HttpServerConfig } from '@app/config';
import type { INestApplication } from '@nestjs/common';
import { transportConfig, type TransportConfig } from '../transport.config';
import { corsOptions } from './cors-options';
import { OriginPolicy } from './origin-policy';
import { securityHeaders } from './security-headers';

/**
 * The browser-facing protections of the HTTP app, installed as its very first middleware (call it before
 * serveHttpApplication and anything else the app uses): the security headers first, so that every answer
 * carries them, whoever writes it (a preflight, a 404, an error, a stream, a probe); then CORS, so that a
 * preflight is answered before any guard and never meets authentication.
 */
export function secureHttpSurface(app: INestApplication): void {
  const server = app.get<HttpServerConfig>(httpServerConfig.KEY);
  const transport = app.get<TransportConfig>(transportConfig.KEY);
  app.use(securityHeaders({ https: new URL(server.publicUrl).protocol === 'https:' }));
  app.enableCors(corsOptions(app.get(OriginPolicy), transport.corsCredentials));
}
