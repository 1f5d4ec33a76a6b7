import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { healthConfig } from './health.config';
import { ShutdownState } from './shutdown-state.service';

/**
 * SIGTERM/SIGINT: readiness turns 503 at once, in-flight requests get the grace period to finish,
 * then the app closes and the process exits 0. A second signal exits at once.
 */
export function enableGracefulShutdown(app: INestApplication): void {
  const logger = new Logger('Shutdown');
  const state = app.get(ShutdownState);
  const config = app.get<ConfigType<typeof healthConfig>>(healthConfig.KEY);
  let stopping = false;

  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) {
      logger.warn(`${signal} received again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.log(`${signal} received: draining ${state.inFlightRequests} in-flight request(s)`);
    const drained = await state.drain(config.gracePeriodMs, config.drainDelayMs);
    if (!drained) {
      logger.warn(
        `Grace period of ${config.gracePeriodMs} ms over with ${state.inFlightRequests} request(s) still running`,
      );
    }
    await app.close();
    logger.log('Stopped');
    process.exit(0);
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => void stop(signal));
  }
}
