import { UpstreamFailure } from '../upstream/upstream-failure';

interface Flight<T> {
  readonly promise: Promise<T>;
  readonly controller: AbortController;
  callers: number;
}

/**
 * Identical concurrent GETs share one upstream call. Each caller may cancel on its own; the shared call
 * is aborted only when every caller has left.
 */
export class SingleFlight<T> {
  private readonly flights = new Map<string, Flight<T>>();

  async run(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (signal?.aborted === true)
      return Promise.reject(new UpstreamFailure('cancelled', 'the caller cancelled the request'));
    let flight = this.flights.get(key);
    if (flight === undefined) {
      const controller = new AbortController();
      const promise = start(controller.signal).finally(() => {
        if (this.flights.get(key) === created) this.flights.delete(key);
      });
      const created: Flight<T> = { promise, controller, callers: 0 };
      flight = created;
      this.flights.set(key, created);
    }
    const joined = flight;
    joined.callers += 1;
    if (signal === undefined) return joined.promise;
    return new Promise<T>((resolve, reject) => {
      const leave = (): void => {
        joined.callers -= 1;
        if (joined.callers === 0) {
          joined.controller.abort();
          if (this.flights.get(key) === joined) this.flights.delete(key);
        }
        reject(new UpstreamFailure('cancelled', 'the caller cancelled the request'));
      };
      signal.addEventListener('abort', leave, { once: true });
      joined.promise.then(
        (value) => {
          signal.removeEventListener('abort', leave);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', leave);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  get inFlight(): number {
    return this.flights.size;
  }
}
