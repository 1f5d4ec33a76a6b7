import type { RedisConnection } from '@app/redis';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { eventId } from './event-id';
import { McpEventStore } from './mcp-event-store';

/**
 * Events in Redis, one Redis stream per MCP stream, so a client resuming on another replica finds
 * them: XADD with an approximate MAXLEN caps each stream, and every write renews its expiry (the age
 * bound). Redis stream ids are ordered, so replay is one XRANGE after the last id the client saw.
 */
export class RedisEventStore extends McpEventStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly maxEvents: number,
    private readonly ttlMs: number,
  ) {
    super();
  }

  async storeEvent(streamId: string, message: JSONRPCMessage): Promise<string> {
    const key = this.key(streamId);
    const [[, id] = [null, undefined]] = (await this.client
      .multi()
      .xadd(key, 'MAXLEN', '~', this.maxEvents, '*', 'm', JSON.stringify(message))
      .pexpire(key, this.ttlMs)
      .exec()) ?? [[null, undefined]];
    if (typeof id !== 'string') throw new Error('Redis did not store the MCP event');
    return eventId.format(streamId, id);
  }

  async getStreamIdForEventId(id: string): Promise<string | undefined> {
    const parsed = eventId.parse(id);
    if (parsed === undefined) return undefined;
    const found = await this.client.xrange(this.key(parsed.streamId), parsed.sequence, parsed.sequence, 'COUNT', 1);
    return found.length === 0 ? undefined : parsed.streamId;
  }

  async replayEventsAfter(
    lastEventId: string,
    { send }: { send: (eventId: string, message: JSONRPCMessage) => Promise<void> },
  ): Promise<string> {
    const parsed = eventId.parse(lastEventId);
    if (parsed === undefined) return '';
    const entries = await this.client.xrange(this.key(parsed.streamId), `(${parsed.sequence}`, '+');
    for (const [id, fields] of entries) {
      const message = JSON.parse(fields[1] ?? '{}') as JSONRPCMessage;
      // The SDK's priming events carry no message: nothing to replay for them.
      if (Object.keys(message).length > 0) await send(eventId.format(parsed.streamId, id), message);
    }
    return parsed.streamId;
  }

  private get client(): NonNullable<RedisConnection['client']> {
    const client = this.redis.client;
    if (client === undefined) throw new Error('RedisEventStore needs REDIS_URL');
    return client;
  }

  private key(streamId: string): string {
    return this.redis.key('mcp-events', streamId);
  }
}
