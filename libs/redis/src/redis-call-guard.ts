import { Logger } from '@nestjs/common';

/** Since when, and why, Redis has not been answering. */
interface Outage {
  readonly since: number;
  readonly reason: string;
}

/** What a guard's calls serve, as its two log lines say it. */
export interface RedisCallGuardOptions {
  /** What the calls serve, the subject of both log lines: `MCP event store`. */
  readonly name: string;
  /** The logger context of those lines: `McpEventStore`. */
  readonly logContext: string;
  readonly timeoutMs: number;
  /** What happens meanwhile, in the warning: `streams go on without resumability`. */
  readonly degradedEffect: string;
  /** What is back, in the recovery line: `streams are resumable`. */
  readonly recoveredEffect: string;
}

/**
 * Runs a user's Redis calls within a time box. A call that fails or does not answer in time gives its
 * fallback instead (it never rejects unless the fallback throws, and never waits longer than the box),
 * and the user is degraded until a call succeeds again. Callers sit on request paths (the event store
 * in the middle of sending, rate limits before every request), where a rejection or a wait would lose
 * answers or hold requests. Each outage is logged once when it starts and once when it ends, however
 * many calls it hits.
 */
export class RedisCallGuard {
  private readonly logger: Logger;
  private outage: Outage | undefined;

  constructor(
    private readonly options: RedisCallGuardOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.logger = new Logger(options.logContext);
  }

  /** The current outage, or undefined while Redis answers. */
  get degraded(): Outage | undefined {
    return this.outage;
  }

  async call<T>(run: () => Promise<T>, fallback: () => T): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`Redis did not answer within ${this.options.timeoutMs} ms`));
      }, this.options.timeoutMs);
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
      `${this.options.name} degraded (${reason}): ${this.options.degradedEffect} until Redis answers again`,
    );
  }

  private answered(): void {
    if (this.outage === undefined) return;
    const lastedMs = this.now() - this.outage.since;
    this.outage = undefined;
    this.logger.log(
      `${this.options.name} recovered after ${lastedMs} ms: Redis answers again, ${this.options.recoveredEffect}`,
    );
  }
}
