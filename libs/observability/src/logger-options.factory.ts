import type { ConfigType } from '@nestjs/config';
import { utilities, type WinstonModuleOptions } from 'nest-winston';
import { format, transports } from 'winston';
import DailyRotateFile from 'winston-daily-rotate-file';
import { correlationIdFormat } from './correlation-id.format';
import type { loggingConfig } from './logging.config';
import type { ObservabilityOptions } from './observability-options';
import { secretRedactionFormat } from './secret-redaction.format';

const LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'];

export function createLoggerOptions(
  config: ConfigType<typeof loggingConfig>,
  options: ObservabilityOptions,
): WinstonModuleOptions {
  const base = format.combine(correlationIdFormat(), secretRedactionFormat(), format.timestamp());
  const consoleFormat =
    config.format === 'pretty'
      ? format.combine(base, utilities.format.nestLike(options.appName, { colors: true, prettyPrint: true }))
      : format.combine(base, format.json());
  const outputs: WinstonModuleOptions['transports'] = [
    new transports.Console({
      format: consoleFormat,
      // stdio's stdout belongs to the MCP protocol: every level goes to stderr there.
      stderrLevels: options.console === 'stderr' ? LEVELS : ['error'],
    }),
  ];
  if (config.directory !== undefined) {
    outputs.push(
      new DailyRotateFile({
        dirname: config.directory,
        filename: `${options.appName}-%DATE%.log`,
        datePattern: config.datePattern,
        maxSize: config.maxSize,
        maxFiles: config.maxFiles,
        zippedArchive: config.zipped,
        format: format.combine(base, format.json()),
      }),
    );
  }
  return { level: config.level, defaultMeta: { app: options.appName }, transports: outputs };
}
