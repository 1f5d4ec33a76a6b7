import type { LoggerService } from '@nestjs/common';
import type { WinstonLogger } from 'nest-winston';

/**
 * Nest's logging through nest-winston, minus the debug and verbose lines LOG_LEVEL filters out: winston
 * drops those only in each transport, after building its entry and pushing it through its stream, a
 * cost every tool call paid for a debug line nobody reads (bench/throughput.bench.mjs).
 */
export class LevelFilteredLogger implements LoggerService {
  constructor(private readonly logger: WinstonLogger) {}

  log(message: unknown, context?: string): void {
    this.logger.log(message, context);
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error(message, trace, context);
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn(message, context);
  }

  fatal(message: unknown, trace?: string, context?: string): void {
    this.logger.fatal(message, trace, context);
  }

  debug(message: unknown, context?: string): void {
    if (this.logger.getWinstonLogger().isLevelEnabled('debug')) this.logger.debug?.(message, context);
  }

  verbose(message: unknown, context?: string): void {
    if (this.logger.getWinstonLogger().isLevelEnabled('verbose')) this.logger.verbose?.(message, context);
  }
}
