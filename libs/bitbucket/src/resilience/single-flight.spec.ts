import { UpstreamFailure } from '../upstream/upstream-failure';
import { SingleFlight } from './single-flight';

describe('SingleFlight', () => {
  it('runs identical concurrent calls once and gives everyone the result', async () => {
    const flights = new SingleFlight<number>();
    let runs = 0;
    const start = async (): Promise<number> => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return 42;
    };
    const results = await Promise.all([
      flights.run('k', undefined, start),
      flights.run('k', undefined, start),
      flights.run('k', new AbortController().signal, start),
    ]);
    expect(results).toEqual([42, 42, 42]);
    expect(runs).toBe(1);
    expect(flights.inFlight).toBe(0);
  });

  it('lets one caller leave without aborting the others, and aborts the call when the last one leaves', async () => {
    const flights = new SingleFlight<string>();
    let aborted = false;
    const start = async (signal: AbortSignal): Promise<string> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          resolve('done');
        }, 50);
        signal.addEventListener('abort', () => {
          aborted = true;
          clearTimeout(timer);
          reject(new UpstreamFailure('cancelled', 'aborted'));
        });
      });
    const first = new AbortController();
    const second = new AbortController();
    const a = flights.run('k', first.signal, start);
    const b = flights.run('k', second.signal, start);
    first.abort();
    await expect(a).rejects.toMatchObject({ kind: 'cancelled' });
    await expect(b).resolves.toBe('done');
    expect(aborted).toBe(false);

    const lone = new AbortController();
    const c = flights.run('other', lone.signal, start);
    lone.abort();
    await expect(c).rejects.toMatchObject({ kind: 'cancelled' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(aborted).toBe(true);
  });
});
