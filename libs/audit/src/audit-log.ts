import type { loggingConfig, ObservabilityOptions } from '@app/observability';
import { Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { once } from 'node:events';
import DailyRotateFile from 'winston-daily-rotate-file';
import type { AuditConfig } from './audit.config';
import type { AuditRecord } from './audit-record';

/** The key under which a winston transport finds the finished line (triple-beam's MESSAGE). */
const MESSAGE = Symbol.for('message');

/**
 * Where audit records go: with LOG_DIR, files of their own (`audit-<date>.log`, rotated like the
 * application log but kept AUDIT_LOG_MAX_FILES); without, the app's console stream (stdout, or stderr
 * for stdio). Written straight to the transport, so no log level, format or sampling applies.
 */
export class AuditLog {
  private readonly logger = new Logger('AuditTrail');
  private readonly file: DailyRotateFile | undefined;
  private closed: Promise<void> | undefined;

  constructor(
    logging: ConfigType<typeof loggingConfig>,
    audit: AuditConfig,
    private readonly options: ObservabilityOptions,
  ) {
    if (logging.directory === undefined) return;
    this.file = new DailyRotateFile({
      dirname: logging.directory,
      filename: 'audit-%DATE%.log',
      datePattern: logging.datePattern,
      maxSize: logging.maxSize,
      maxFiles: audit.maxFiles,
      zippedArchive: logging.zipped,
    });
    this.file.on('error', (error: unknown) => {
      this.logger.error({ message: 'Audit file write failed', error: String(error) });
    });
  }

  write(record: AuditRecord): void {
    const line = JSON.stringify(record);
    if (this.file === undefined) {
      (this.options.console === 'stderr' ? process.stderr : process.stdout).write(`${line}\n`);
      return;
    }
    this.file.log?.({ level: 'info', message: line, [MESSAGE]: line }, () => undefined);
  }

  /** Resolves once every record is on disk: the process may exit then. */
  async close(): Promise<void> {
    if (this.file === undefined) return;
    if (this.closed === undefined) {
      this.closed = once(this.file, 'finish').then(() => undefined);
      this.file.close?.();
    }
    await this.closed;
  }
}
