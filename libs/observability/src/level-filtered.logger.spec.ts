import { WinstonLogger } from 'nest-winston';
import { createLogger, transports } from 'winston';
import { Writable } from 'node:stream';
import { LevelFilteredLogger } from './level-filtered.logger';

/** A logger at `level` writing its entries' messages into `written`. */
function loggerAt(level: string, written: string[]): LevelFilteredLogger {
  const sink = new Writable({
    objectMode: true,
    write: (entry: { message: string }, _encoding, done) => {
      written.push(entry.message);
      done();
    },
  });
  return new LevelFilteredLogger(
    new WinstonLogger(createLogger({ level, transports: [new transports.Stream({ stream: sink })] })),
  );
}

describe('LevelFilteredLogger', () => {
  it('drops the debug and verbose lines below the level and writes the others', () => {
    const written: string[] = [];
    const logger = loggerAt('info', written);
    logger.debug({ message: 'debug line' }, 'Ctx');
    logger.verbose('verbose line', 'Ctx');
    logger.log('info line', 'Ctx');
    logger.warn({ message: 'warn line' }, 'Ctx');
    logger.error('error line', undefined, 'Ctx');
    expect(written).toEqual(['info line', 'warn line', 'error line']);
  });

  it('writes debug and verbose lines when the level lets them through', () => {
    const written: string[] = [];
    const logger = loggerAt('debug', written);
    logger.debug({ message: 'debug line' }, 'Ctx');
    logger.verbose('verbose line', 'Ctx');
    expect(written).toEqual(['debug line', 'verbose line']);
  });
});
