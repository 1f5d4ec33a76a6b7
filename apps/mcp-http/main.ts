// First: on an older Node it stops here, with one line naming the version needed (dist/bin/ once built).
import '../../bin/node-version';
import './compile-cache';
import { httpServerConfig, prepareEnvironment } from '@app/config';
import { serveHttpApplication } from '@app/health';
import { installProcessSafetyNet, useAppLogger } from '@app/observability';
import { secureHttpSurface } from '@app/transport';
import { Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { MCP_HTTP_CONFIGS } from './mcp-http.configs';
import { McpHttpModule } from './mcp-http.module';

async function bootstrap(): Promise<void> {
  prepareEnvironment(MCP_HTTP_CONFIGS);
  const app = await NestFactory.create<NestExpressApplication>(McpHttpModule, {
    bufferLogs: true,
    abortOnError: false,
    forceCloseConnections: true,
    // The MCP endpoints read their bodies themselves, with a size limit and JSON-RPC errors.
    bodyParser: false,
  });
  useAppLogger(app);
  const http = app.get<ConfigType<typeof httpServerConfig>>(httpServerConfig.KEY);
  app.disable('x-powered-by');
  app.set('trust proxy', http.trustProxy);
  // First of all middleware: security headers on every answer, CORS preflights before any guard.
  secureHttpSurface(app);
  await serveHttpApplication(app, http, 'McpHttp', http.limits);
}

installProcessSafetyNet();
bootstrap().catch((error: unknown) => {
  new Logger('McpHttp').error(`Failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
