import { Logger } from '@nestjs/common';

/** Since when, and why, Redis has not been answering the event store. */
interface Outage {
  readonly since: number;
  readonly reason: string;
}

/**
 * Runs the event store's Redis calls within a time box. A call that fails or does not answer in time
 * gives its fallback instead (it never rejects, and never waits longer than the box), and the event
 * store is degraded until a call succeeds again. The SDK awaits the store in the middle of sending,
 * so a rejection or a wait there would lose the answer or hold the stream open. Each outage is logged
 * once when it starts and once when it ends, however many calls it hits.
 */
export class RedisCallGuard {
  private readonly logger = new Logger('McpEventStore');
  private outage: Outage | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The current outage, or undefined while Redis answers. */
  get degraded(): Outage | undefined {
    return this.outage;
  }

  async call<T>(run: () => Promise<T>, fallback: () => T): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`Redis did not answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
    });
    try {
      // A synchronous throw of `run` becomes a rejection like any other failure.
      const value = await Promise.race([
        new Promise<T>((resolve) => {
          resolve(run());
        }),
        timedOut,
      ]);
      this.answered();
      return value;
    } catch (error) {
      this.failed(error instanceof Error ? error.message : String(error));
      return fallback();
    } finally {
      clearTimeout(timer);
    }
  }

  private failed(reason: string): void {
    if (this.outage !== undefined) return;
    this.outage = { since: this.now(), reason };
    this.logger.warn(
      `MCP event store degraded (${reason}): streams go on without resumability until Redis answers again`,
    );
  }

  private answered(): void {
    if (this.outage === undefined) return;
    const lastedMs = this.now() - this.outage.since;
    this.outage = undefined;
    this.logger.log(`MCP event store recovered after ${lastedMs} ms: Redis answers again, streams are resumable`);
  }
}
