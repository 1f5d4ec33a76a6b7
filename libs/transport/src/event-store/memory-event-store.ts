import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { eventId } from './event-id';
import { McpEventStore, type McpEventStoreStatus } from './mcp-event-store';
import { McpEventStoreEvents } from './mcp-event-store-events';

interface StoredEvent {
  readonly streamId: string;
  readonly sequence: number;
  readonly message: JSONRPCMessage;
  readonly storedAt: number;
}

/**
 * Events in this process, bounded by count (all streams together) and age: the oldest go first. A
 * Map keeps insertion order, so pruning walks from the front and stops at the first live event.
 */
export class MemoryEventStore extends McpEventStore {
  private readonly events = new Map<string, StoredEvent>();
  private readonly streams = new Map<string, string[]>();
  private sequence = 0;

  constructor(
    private readonly maxEvents: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly told = new McpEventStoreEvents(),
  ) {
    super();
  }

  get size(): number {
    return this.events.size;
  }

  async storeEvent(streamId: string, message: JSONRPCMessage): Promise<string> {
    this.told.emit('operation', { store: 'memory', operation: 'store' });
    this.sequence += 1;
    const id = eventId.format(streamId, String(this.sequence));
    this.events.set(id, { streamId, sequence: this.sequence, message, storedAt: this.now() });
    const ids = this.streams.get(streamId) ?? [];
    ids.push(id);
    this.streams.set(streamId, ids);
    this.prune();
    return Promise.resolve(id);
  }

  /** The first step of every resumption (the SDK looks the stream up before replaying it). */
  async getStreamIdForEventId(id: string): Promise<string | undefined> {
    this.told.emit('operation', { store: 'memory', operation: 'replay' });
    return Promise.resolve(this.live(id)?.streamId);
  }

  async replayEventsAfter(
    lastEventId: string,
    { send }: { send: (eventId: string, message: JSONRPCMessage) => Promise<void> },
  ): Promise<string> {
    this.prune();
    const last = this.live(lastEventId);
    // An unknown or expired id: the client cannot be given what it missed; the SDK answers it.
    if (last === undefined) return '';
    for (const id of this.streams.get(last.streamId) ?? []) {
      const event = this.events.get(id);
      // The SDK's priming events carry no message: nothing to replay for them.
      if (event !== undefined && event.sequence > last.sequence && Object.keys(event.message).length > 0) {
        await send(id, event.message);
      }
    }
    return last.streamId;
  }

  async status(): Promise<McpEventStoreStatus> {
    return Promise.resolve({ store: 'memory', state: 'ok', resumable: true });
  }

  private live(id: string): StoredEvent | undefined {
    return eventId.parse(id) === undefined ? undefined : this.events.get(id);
  }

  private prune(): void {
    const oldest = this.now() - this.ttlMs;
    for (const [id, event] of this.events) {
      if (this.events.size <= this.maxEvents && event.storedAt >= oldest) break;
      this.events.delete(id);
      const ids = this.streams.get(event.streamId);
      ids?.shift();
      if (ids?.length === 0) this.streams.delete(event.streamId);
    }
  }
}
