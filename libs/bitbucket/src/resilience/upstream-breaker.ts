import CircuitBreaker from 'opossum';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import type { BitbucketConfig } from '../bitbucket.config';
import { BitbucketException } from '../bitbucket.exception';
import type { BitbucketEvents, BreakerState } from '../bitbucket-events';
import { UpstreamFailure } from '../upstream/upstream-failure';

type Action = () => Promise<unknown>;

/**
 * One opossum breaker per upstream. Only what says "Bitbucket is in trouble" counts as a failure
 * (timeouts, connection errors, 5xx, 429): client errors come back as answers and cancellations are
 * filtered out. While open, calls are rejected at once with the time until the next trial call.
 */
export class UpstreamBreaker {
  private readonly breaker: CircuitBreaker<[Action]> | undefined;
  private openedAt = 0;

  constructor(
    private readonly upstream: string,
    private readonly config: BitbucketConfig['breaker'],
    private readonly events: BitbucketEvents,
  ) {
    if (!config.enabled) return;
    this.breaker = new CircuitBreaker<[Action]>(async (action: Action) => action(), {
      timeout: config.timeoutMs,
      errorThresholdPercentage: config.errorThresholdPercentage,
      resetTimeout: config.resetTimeoutMs,
      rollingCountTimeout: config.rollingWindowMs,
      rollingCountBuckets: 10,
      volumeThreshold: config.volumeThreshold,
      errorFilter: (error: unknown) => error instanceof UpstreamFailure && error.kind === 'cancelled',
    });
    this.breaker.on('open', () => {
      this.openedAt = Date.now();
      const { failures, timeouts, fires } = this.breaker?.stats ?? { failures: 0, timeouts: 0, fires: 0 };
      this.emit('open', `${failures + timeouts} of ${fires} calls failed within the rolling window`);
    });
    this.breaker.on('halfOpen', () => {
      this.emit('half-open', `${config.resetTimeoutMs} ms open: letting one trial call through`);
    });
    this.breaker.on('close', () => {
      this.emit('closed', 'the trial call succeeded');
    });
  }

  get state(): BreakerState {
    if (this.breaker === undefined || this.breaker.closed) return 'closed';
    return this.breaker.halfOpen ? 'half-open' : 'open';
  }

  /** Milliseconds until the open breaker lets a trial call through. */
  get retryInMs(): number {
    return this.state === 'open' ? Math.max(0, this.openedAt + this.config.resetTimeoutMs - Date.now()) : 0;
  }

  /** Runs `action` through the breaker; `onRejected` is told when the open breaker refuses it without running it. */
  async run<T>(action: () => Promise<T>, onRejected: () => void): Promise<T> {
    if (this.breaker === undefined) return action();
    try {
      return (await this.breaker.fire(action)) as T;
    } catch (error) {
      if (CircuitBreaker.isOurError(error as Error)) {
        const code = (error as { code?: string }).code;
        if (code === 'ETIMEDOUT') throw new UpstreamFailure('timeout', `no answer within ${this.config.timeoutMs} ms`);
        onRejected();
        const seconds = Math.max(1, Math.ceil(this.retryInMs / 1000));
        throw new BitbucketException(
          BitbucketErrorCode.UPSTREAM_UNAVAILABLE,
          `Circuit breaker for ${this.upstream} is open; next trial in ${seconds}s`,
          { params: { retryAfterSeconds: seconds }, retryAfterSeconds: seconds },
        );
      }
      throw error;
    }
  }

  shutdown(): void {
    this.breaker?.shutdown();
  }

  private emit(state: BreakerState, reason: string): void {
    this.events.emit('breaker', { state, upstream: this.upstream, reason });
  }
}
