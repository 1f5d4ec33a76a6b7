// First: on an older Node it stops here, with one line naming the version needed (dist/bin/ once built).
import '../../bin/node-version';
import './compile-cache';
import './stderr-logs';
import { prepareEnvironment } from '@app/config';
import { i18nConfig, localeResolution, stdioLocaleConfig } from '@app/i18n';
import { installProcessSafetyNet, StderrConsoleLogger, useAppLogger } from '@app/observability';
import { StdioMcpServer } from '@app/transport';
import { Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { MCP_STDIO_CONFIGS } from './mcp-stdio.configs';
import { McpStdioModule } from './mcp-stdio.module';

// stdout carries nothing but the MCP protocol: every log line, from the first, goes to stderr.
async function bootstrap(): Promise<void> {
  prepareEnvironment(MCP_STDIO_CONFIGS);
  const app = await NestFactory.createApplicationContext(McpStdioModule, {
    logger: new StderrConsoleLogger(),
    bufferLogs: true,
    abortOnError: false,
  });
  useAppLogger(app);
  const logger = new Logger('McpStdio');
  let closing = false;
  const close = async (reason: string): Promise<void> => {
    if (closing) return;
    closing = true;
    logger.log(`Stopping: ${reason}`);
    await app.close();
    process.exit(0);
  };
  // The client ends the session by closing our stdin.
  process.stdin.on('end', () => void close('stdin closed'));
  const { defaultLocale } = app.get<ConfigType<typeof i18nConfig>>(i18nConfig.KEY);
  const { environment } = app.get<ConfigType<typeof stdioLocaleConfig>>(stdioLocaleConfig.KEY);
  await app.get(StdioMcpServer).serve(localeResolution.ofEnvironment(environment, defaultLocale));
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => void close('SIGINT'));
  logger.log('Ready on stdio');
}

installProcessSafetyNet();
bootstrap().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
