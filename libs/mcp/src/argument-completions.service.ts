import { describeThrown, RequestContext } from '@app/common';
import { Injectable, Logger } from '@nestjs/common';
import type { CompleteResult } from '@modelcontextprotocol/sdk/types.js';
import type { ArgumentCompleter } from './argument-completer';

/** At most this many suggestions per answer; `hasMore` says when there were more. */
export const COMPLETION_LIMIT = 20;
/** How long a principal's suggestions for one argument, value and context are reused. */
const COMPLETION_TTL_MS = 30_000;
/** Entries kept at most; the oldest go first. */
const MAX_CACHED = 1_000;

interface Cached {
  readonly expires: number;
  readonly values: Promise<readonly string[]>;
}

/**
 * Answers completion/complete from the completers of the prompts and resource templates. A client asks
 * on every keystroke, so answers are cached briefly per principal (each sees only what its own
 * credential may list), concurrent identical asks share one upstream call, and a failing completer
 * (Bitbucket down, a repository not found) answers an empty list rather than an error.
 */
@Injectable()
export class ArgumentCompletions {
  private readonly logger = new Logger('ArgumentCompletions');
  private readonly cache = new Map<string, Cached>();

  async complete(
    ref: string,
    argument: string,
    completer: ArgumentCompleter | undefined,
    value: string,
    context: Readonly<Record<string, string>>,
    signal: AbortSignal,
  ): Promise<CompleteResult> {
    if (completer === undefined) return { completion: { values: [], hasMore: false } };
    const others = Object.entries(context)
      .filter(([name]) => name !== argument)
      .sort(([a], [b]) => a.localeCompare(b));
    const key = JSON.stringify([RequestContext.current()?.principalId ?? '', ref, argument, value, others]);
    const now = Date.now();
    let entry = this.cache.get(key);
    if (entry === undefined || entry.expires <= now) {
      entry = { expires: now + COMPLETION_TTL_MS, values: completer(value, Object.fromEntries(others), signal) };
      this.cache.delete(key);
      this.cache.set(key, entry);
      for (const oldest of this.cache.keys()) {
        if (this.cache.size <= MAX_CACHED) break;
        this.cache.delete(oldest);
      }
    }
    try {
      const values = await entry.values;
      return {
        completion: {
          values: values.slice(0, COMPLETION_LIMIT),
          hasMore: values.length > COMPLETION_LIMIT,
        },
      };
    } catch (error) {
      // A failure is not reused: the next keystroke asks again.
      if (this.cache.get(key) === entry) this.cache.delete(key);
      this.logger.debug({
        message: `Completing ${argument} of ${ref} failed: ${describeThrown(error)}`,
        correlationId: RequestContext.correlationId(),
      });
      return { completion: { values: [], hasMore: false } };
    }
  }
}
