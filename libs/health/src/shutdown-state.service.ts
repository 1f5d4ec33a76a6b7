import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';

/** Whether the process is draining, and how many requests it still owes an answer. */
@Injectable()
export class ShutdownState {
  private draining = false;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly drainListeners = new Set<() => void>();

  get isDraining(): boolean {
    return this.draining;
  }

  get inFlightRequests(): number {
    return this.inFlight;
  }

  /** Counts a request until the returned release function is called (once; later calls are ignored). */
  requestStarted(): () => void {
    this.inFlight += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      if (this.inFlight === 0) this.notifyIdle();
    };
  }

  /** Called once when draining starts: long-lived streams close themselves with a reconnect hint. */
  onDrain(listener: () => void): () => void {
    this.drainListeners.add(listener);
    return () => this.drainListeners.delete(listener);
  }

  /**
   * Starts draining and resolves when every in-flight request has finished (true) or the grace
   * period is over (false), and never before the drain delay has passed.
   */
  async drain(gracePeriodMs: number, drainDelayMs: number): Promise<boolean> {
    if (!this.draining) {
      this.draining = true;
      for (const listener of this.drainListeners) listener();
    }
    const delay = sleep(drainDelayMs);
    const idle =
      this.inFlight === 0
        ? Promise.resolve(true)
        : new Promise<true>((resolve) => {
            this.idleWaiters.push(() => {
              resolve(true);
            });
          });
    const timeout = new AbortController();
    const graceOver = sleep(Math.max(gracePeriodMs, drainDelayMs), false, { signal: timeout.signal }).catch(
      () => false,
    );
    const [drained] = await Promise.all([Promise.race([idle, graceOver]), delay]);
    timeout.abort();
    return drained;
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }
}
