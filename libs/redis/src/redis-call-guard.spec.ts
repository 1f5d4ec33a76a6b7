import { Logger } from '@nestjs/common';
import { RedisCallGuard } from './redis-call-guard';

describe('RedisCallGuard', () => {
  let warn: jest.SpyInstance;
  let log: jest.SpyInstance;
  let now: number;
  const guard = (timeoutMs = 50): RedisCallGuard =>
    new RedisCallGuard(
      {
        name: 'MCP event store',
        logContext: 'McpEventStore',
        timeoutMs,
        degradedEffect: 'streams go on without resumability',
        recoveredEffect: 'streams are resumable',
      },
      () => now,
    );
  const never = async (): Promise<string> => new Promise<string>(() => undefined);

  beforeEach(() => {
    now = 1_000;
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('gives what Redis answered while it answers, and logs nothing', async () => {
    const calls = guard();
    expect(
      await calls.call(
        async () => Promise.resolve('stored'),
        () => 'fallback',
      ),
    ).toBe('stored');
    expect(calls.degraded).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });

  it('gives the fallback instead of a rejection, or of a synchronous throw, and says why', async () => {
    const calls = guard();
    expect(
      await calls.call(
        async () => Promise.reject(new Error('Redis is not connected (reconnecting)')),
        () => 'x',
      ),
    ).toBe('x');
    expect(
      await calls.call(
        () => {
          throw new Error('no client');
        },
        () => 'y',
      ),
    ).toBe('y');
    expect(calls.degraded).toEqual({ since: 1_000, reason: 'Redis is not connected (reconnecting)' });
  });

  it('gives up on a call Redis does not answer within the time box', async () => {
    const calls = guard(40);
    const started = Date.now();
    expect(await calls.call(never, () => 'fallback')).toBe('fallback');
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(35);
    expect(waited).toBeLessThan(1_000);
    expect(calls.degraded?.reason).toBe('Redis did not answer within 40 ms');
  });

  it('warns once per outage however many calls fail, and says once when Redis answers again', async () => {
    const calls = guard();
    const fail = async (): Promise<string> => Promise.reject(new Error('connect ECONNREFUSED'));
    for (let n = 0; n < 5; n += 1) await calls.call(fail, () => 'fallback');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      'MCP event store degraded (connect ECONNREFUSED): streams go on without resumability until Redis answers again',
    );

    now = 4_500;
    expect(
      await calls.call(
        async () => Promise.resolve('stored'),
        () => 'fallback',
      ),
    ).toBe('stored');
    expect(
      await calls.call(
        async () => Promise.resolve('stored'),
        () => 'fallback',
      ),
    ).toBe('stored');
    expect(calls.degraded).toBeUndefined();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(
      'MCP event store recovered after 3500 ms: Redis answers again, streams are resumable',
    );

    // A new outage is a new warning.
    await calls.call(fail, () => 'fallback');
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('gives the rejection of a fallback that refuses, and still counts the outage', async () => {
    const calls = guard();
    await expect(
      calls.call(
        async () => Promise.reject(new Error('connect ECONNREFUSED')),
        () => {
          throw new Error('refused without Redis');
        },
      ),
    ).rejects.toThrow('refused without Redis');
    expect(calls.degraded?.reason).toBe('connect ECONNREFUSED');
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
