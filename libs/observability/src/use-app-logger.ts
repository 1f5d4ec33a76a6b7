import type { INestApplicationContext } from '@nestjs/common';
import { WINSTON_MODULE_NEST_PROVIDER, type WinstonLogger } from 'nest-winston';
import { LevelFilteredLogger } from './level-filtered.logger';

/** Routes Nest's own logging (and the lines buffered during boot) through the configured winston logger. */
export function useAppLogger(app: INestApplicationContext): void {
  app.useLogger(new LevelFilteredLogger(app.get<WinstonLogger>(WINSTON_MODULE_NEST_PROVIDER)));
  app.flushLogs();
}
