import { describeThrown, RequestContext } from '@app/common';
import { Logger } from '@nestjs/common';

/**
 * Keeps the process serving when something escapes every error handler: a promise rejection nobody
 * handles, or a throw outside any request's promise chain (a timer callback, an 'error' event with no
 * listener). Without this, Node ends the process and every session with it. Such a fault belongs to
 * one request, whose state dies with it, so the process logs it at error level, with the correlation
 * id of the request it came from (Node runs these handlers in the AsyncLocalStorage context of the
 * code that failed), and carries on. Installed by each entry point before anything else runs.
 */
export function installProcessSafetyNet(): void {
  const logger = new Logger('Process');
  const report = (what: string, thrown: unknown): void => {
    try {
      logger.error(
        { message: `${what}: ${describeThrown(thrown)}`, correlationId: RequestContext.correlationId() },
        describeThrown(thrown, 'stack'),
      );
    } catch {
      // A logger that fails here must not turn one fault into a crash; stderr is the last resort.
      process.stderr.write(`${what} (and the logger failed too)\n`);
    }
  };
  process.on('unhandledRejection', (reason) => {
    report('Unhandled promise rejection', reason);
  });
  process.on('uncaughtException', (error) => {
    report('Uncaught exception', error);
  });
  // A stdout or stderr whose reader went away (a log collector, a parent process) fails every write
  // with EPIPE. Unheard, each failure was an uncaught exception, reported to the console, failing
  // again: the process spun, filling its log files. The log files go on; the console is given up.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', () => {
      stream.destroy();
    });
  }
}
