import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';

const CONNECT_TIMEOUT_MS = 5000;

/**
 * The one Redis client of the process, or none when REDIS_URL is unset. Commands fail fast while
 * Redis is away (no offline queue) so callers can fall back or answer an error instead of hanging.
 */
export class RedisConnection {
  private readonly logger = new Logger('Redis');
  readonly client: Redis | undefined;
  private unreachable = false;

  constructor(
    url: string | undefined,
    readonly keyPrefix: string,
  ) {
    if (url === undefined) return;
    this.client = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      connectTimeout: CONNECT_TIMEOUT_MS,
      maxRetriesPerRequest: 1,
    });
    // ioredis reconnects by itself, every couple of seconds while Redis is away: errors are reported,
    // never thrown at the process, and once per outage (the retries at debug level).
    this.client.on('error', (error: Error) => {
      if (this.unreachable) {
        this.logger.debug(`Redis still unreachable: ${error.message}`);
        return;
      }
      this.unreachable = true;
      this.logger.warn(`Redis unreachable: ${error.message}; reconnecting`);
    });
    this.client.on('ready', () => {
      if (!this.unreachable) return;
      this.unreachable = false;
      this.logger.log('Redis reachable again');
    });
  }

  get enabled(): boolean {
    return this.client !== undefined;
  }

  /**
   * The client, when connected. ioredis refuses commands while it (re)connects (no offline queue), and
   * this throws at once instead, saying why: callers time-box their calls and fall back on a throw.
   */
  readyClient(): Redis {
    if (this.client === undefined) throw new Error('Redis is not configured (REDIS_URL)');
    if (this.client.status !== 'ready') throw new Error(`Redis is not connected (${this.client.status})`);
    return this.client;
  }

  /** `bitbucket-mcp:events:…` */
  key(...parts: readonly string[]): string {
    return `${this.keyPrefix}${parts.join(':')}`;
  }

  async connect(): Promise<void> {
    await this.client?.connect();
  }

  async close(): Promise<void> {
    if (this.client === undefined || this.client.status === 'end') return;
    await this.client.quit().catch(() => this.client?.disconnect());
  }
}
