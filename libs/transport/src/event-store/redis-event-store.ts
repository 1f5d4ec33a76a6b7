import { RedisCallGuard, type RedisConnection } from '@app/redis';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { TransportConfig } from '../transport.config';
import { eventId } from './event-id';
import { McpEventStore, type McpEventStoreStatus } from './mcp-event-store';
import { McpEventStoreEvents, type EventStoreEvent } from './mcp-event-store-events';

/** `<milliseconds>-<sequence>`, the ids Redis gives stream entries. */
const REDIS_STREAM_ENTRY_ID = /^\d+-\d+$/;
const PROBE_TTL_MS = 60_000;
/** The sequence of an event sent while Redis did not store it. */
const UNSTORED = 'unstored-';

/**
 * Events in Redis, one Redis stream per MCP stream, so a client resuming on another replica finds
 * them: XADD with an approximate MAXLEN caps each stream, and every write renews its expiry (the age
 * bound). Redis stream ids are ordered, so replay is one XRANGE after the last id the client saw.
 * While Redis fails or is slow (see RedisCallGuard), events still go out, under ids that resume
 * nothing, and lookups find nothing: streams work, only resumption is lost until Redis answers again.
 */
export class RedisEventStore extends McpEventStore {
  private readonly guard: RedisCallGuard;
  private unstoredCount = 0;

  constructor(
    private readonly redis: RedisConnection,
    private readonly settings: TransportConfig['eventStore'],
    private readonly events = new McpEventStoreEvents(),
  ) {
    super();
    this.guard = new RedisCallGuard({
      name: 'MCP event store',
      logContext: 'McpEventStore',
      timeoutMs: settings.timeoutMs,
      degradedEffect: 'streams go on without resumability',
      recoveredEffect: 'streams are resumable',
    });
  }

  async storeEvent(streamId: string, message: JSONRPCMessage): Promise<string> {
    this.events.emit('operation', { store: 'redis', operation: 'store' });
    const key = this.key(streamId);
    return this.guard.call(
      async () => {
        const [[error, id] = [null, undefined]] = (await this.redis
          .readyClient()
          .multi()
          .xadd(key, 'MAXLEN', '~', this.settings.maxEvents, '*', 'm', JSON.stringify(message))
          .pexpire(key, this.settings.ttlMs)
          .exec()) ?? [[null, undefined]];
        if (error !== null) throw error;
        if (typeof id !== 'string') throw new Error('Redis did not store the MCP event');
        return eventId.format(streamId, id);
      },
      () => {
        this.fellBack('store');
        return this.unstoredId(streamId);
      },
    );
  }

  /** The first step of every resumption (the SDK looks the stream up before replaying it). */
  async getStreamIdForEventId(id: string): Promise<string | undefined> {
    this.events.emit('operation', { store: 'redis', operation: 'replay' });
    const parsed = this.parse(id);
    if (parsed === undefined) {
      if (eventId.parse(id)?.sequence.startsWith(UNSTORED) === true) {
        this.events.emit('fallback', { store: 'redis', operation: 'replay' });
      }
      return undefined;
    }
    const key = this.key(parsed.streamId);
    const found = await this.guard.call(
      async () => this.redis.readyClient().xrange(key, parsed.sequence, parsed.sequence, 'COUNT', 1),
      () => {
        this.fellBack('replay');
        return [];
      },
    );
    return found.length === 0 ? undefined : parsed.streamId;
  }

  async replayEventsAfter(
    lastEventId: string,
    { send }: { send: (eventId: string, message: JSONRPCMessage) => Promise<void> },
  ): Promise<string> {
    const parsed = this.parse(lastEventId);
    if (parsed === undefined) return '';
    const key = this.key(parsed.streamId);
    // Redis failing between the lookup and here: nothing to replay, but the client still gets the
    // rest of its stream, which it would not under an unknown stream id.
    const entries = await this.guard.call(
      async () => this.redis.readyClient().xrange(key, `(${parsed.sequence}`, '+'),
      () => {
        this.fellBack('replay');
        return [];
      },
    );
    for (const [id, fields] of entries) {
      const message = JSON.parse(fields[1] ?? '{}') as JSONRPCMessage;
      // The SDK's priming events carry no message: nothing to replay for them.
      if (Object.keys(message).length > 0) await send(eventId.format(parsed.streamId, id), message);
    }
    return parsed.streamId;
  }

  async status(): Promise<McpEventStoreStatus> {
    // Asking Redis here also notices an outage, or its end, while no stream is open. A write, as
    // storing is: a Redis that answers but refuses writes (out of memory, read-only) stores nothing.
    await this.guard.call(
      async () => this.redis.readyClient().set(this.redis.key('mcp-events-probe'), '1', 'PX', PROBE_TTL_MS),
      () => undefined,
    );
    const outage = this.guard.degraded;
    return outage === undefined
      ? { store: 'redis', state: 'ok', resumable: true }
      : {
          store: 'redis',
          state: 'degraded',
          resumable: false,
          reason: outage.reason,
          since: new Date(outage.since).toISOString(),
        };
  }

  /** An id this store gave out while Redis stored; any other (unstored, or a client's guess) names nothing to replay. */
  private parse(id: string): { streamId: string; sequence: string } | undefined {
    const parsed = eventId.parse(id);
    return parsed !== undefined && REDIS_STREAM_ENTRY_ID.test(parsed.sequence) ? parsed : undefined;
  }

  /** The id of an event Redis did not take: it goes out with it, and resuming from it finds nothing. */
  private unstoredId(streamId: string): string {
    this.unstoredCount += 1;
    return eventId.format(streamId, `${UNSTORED}${this.unstoredCount}`);
  }

  /** Redis failed an operation: its fallback answers instead. */
  private fellBack(operation: EventStoreEvent['operation']): void {
    this.events.emit('failure', { store: 'redis', operation });
    this.events.emit('fallback', { store: 'redis', operation });
  }

  private key(streamId: string): string {
    return this.redis.key('mcp-events', streamId);
  }
}
