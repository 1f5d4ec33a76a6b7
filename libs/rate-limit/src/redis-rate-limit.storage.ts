import { RedisCallGuard, type RedisConnection } from '@app/redis';
import type { MemoryRateLimitStorage } from './memory-rate-limit.storage';
import { RateLimitErrorCode } from './rate-limit-error-code.enum';
import { rateLimitRecord, type RateLimitRecord } from './rate-limit-record';
import { RateLimitException } from './rate-limit.exception';
import { RateLimitStorage } from './rate-limit.storage';

/** What a client that cannot check the limits is told to wait: about one reconnection attempt of ioredis. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
const HIT_COMMAND = 'bitbucketMcpRateLimitHit';

/**
 * One hit, atomically, as MemoryRateLimitStorage.hit does it. KEYS: the window's counter, the block
 * marker. ARGV: window ms, limit, block ms. Answers { hits, window ms left, block ms left (0: passes) }.
 */
const HIT_SCRIPT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then return { tonumber(ARGV[2]) + 1, blocked, blocked } end
local hits = redis.call('INCR', KEYS[1])
local window = redis.call('PTTL', KEYS[1])
if window < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  window = tonumber(ARGV[1])
end
if hits <= tonumber(ARGV[2]) then return { hits, window, 0 } end
local block = tonumber(ARGV[3])
if block <= 0 then return { hits, window, window } end
redis.call('SET', KEYS[2], '1', 'PX', block)
redis.call('DEL', KEYS[1])
return { hits, block, block }
`;

type HitScript = (
  counterKey: string,
  blockKey: string,
  ttlMs: number,
  limit: number,
  blockMs: number,
) => Promise<[number, number, number]>;

/**
 * The counters in Redis, so every replica counts against the same limits. Each call is time-boxed
 * (RedisCallGuard): while Redis fails or is slow, hits are counted in this process instead, or refused
 * with a 503 when failing closed; one warning per outage, and Redis is used again as soon as it answers.
 */
export class RedisRateLimitStorage extends RateLimitStorage {
  private readonly guard: RedisCallGuard;

  constructor(
    private readonly redis: RedisConnection,
    private readonly local: MemoryRateLimitStorage,
    private readonly settings: { readonly timeoutMs: number; readonly failClosed: boolean },
  ) {
    super();
    // EVALSHA, loading the script again after a Redis restart (ioredis handles NOSCRIPT).
    redis.client?.defineCommand(HIT_COMMAND, { numberOfKeys: 2, lua: HIT_SCRIPT });
    this.guard = new RedisCallGuard({
      name: 'Rate-limit counters',
      logContext: 'RateLimit',
      timeoutMs: settings.timeoutMs,
      degradedEffect: settings.failClosed
        ? 'limited requests are refused (RATE_LIMIT_FAIL_CLOSED)'
        : 'each replica counts on its own',
      recoveredEffect: 'replicas share their counters again',
    });
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<RateLimitRecord> {
    const [counterKey, blockKey] = this.keys(key);
    return this.guard.call(
      async () => {
        const [hits, windowMs, blockedMs] = await this.hitScript()(counterKey, blockKey, ttl, limit, blockDuration);
        return rateLimitRecord(hits, windowMs, blockedMs);
      },
      () => this.fallback().hit(key, ttl, limit, blockDuration),
    );
  }

  async blockedForMs(key: string): Promise<number> {
    const [, blockKey] = this.keys(key);
    return this.guard.call(
      async () => Math.max(0, await this.redis.readyClient().pttl(blockKey)),
      () => this.fallback().remainingBlockMs(key),
    );
  }

  /** The counter and the block marker of `key`, in one hash slot (a Redis Cluster runs the script on one node). */
  private keys(key: string): [string, string] {
    const counterKey = this.redis.key('rate-limit', `{${key}}`);
    return [counterKey, `${counterKey}:blocked`];
  }

  private fallback(): MemoryRateLimitStorage {
    if (this.settings.failClosed) {
      throw new RateLimitException(RateLimitErrorCode.UNAVAILABLE, 'Redis is away and rate limits fail closed', {
        params: { retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS },
        retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
      });
    }
    return this.local;
  }

  private hitScript(): HitScript {
    const client = this.redis.readyClient() as unknown as Record<typeof HIT_COMMAND, HitScript>;
    return client[HIT_COMMAND].bind(client);
  }
}
