import type { INestApplicationContext } from '@nestjs/common';
import { WINSTON_MODULE_NEST_PROVIDER } from 'nest-winston';

/** Routes Nest's own logging (and the lines buffered during boot) through the configured winston logger. */
export function useAppLogger(app: INestApplicationContext): void {
  app.useLogger(app.get(WINSTON_MODULE_NEST_PROVIDER));
  app.flushLogs();
}
