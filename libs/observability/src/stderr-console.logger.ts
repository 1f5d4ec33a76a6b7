import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/** Nest's console logger, but on stderr for every level: used where stdout carries a protocol. */
export class StderrConsoleLogger extends ConsoleLogger {
  protected override printMessages(messages: unknown[], context?: string, logLevel?: LogLevel): void {
    super.printMessages(messages, context, logLevel, 'stderr');
  }
}
