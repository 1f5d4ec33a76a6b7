import type { EventStore } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { McpEventStore } from './mcp-event-store';

/**
 * One session's part of the event store every session shares. The SDK gives every session's
 * standalone stream the same id, `_GET_stream` (webStandardStreamableHttp.js, SDK 1.32): stored as
 * they come, the standalone events of all sessions (on every replica, with Redis) were one stream,
 * and a client resuming its own could be replayed another session's messages. Here each stream is
 * stored under `<sessionId>~<streamId>`, and an event id of another session names nothing (the SDK
 * answers 400 to a resumption from it).
 */
export class SessionEventStore implements EventStore {
  private readonly prefix: string;

  constructor(
    private readonly store: McpEventStore,
    sessionId: string,
  ) {
    this.prefix = `${sessionId}~`;
  }

  async storeEvent(...[streamId, message]: Parameters<EventStore['storeEvent']>): ReturnType<EventStore['storeEvent']> {
    return this.store.storeEvent(`${this.prefix}${streamId}`, message);
  }

  async getStreamIdForEventId(eventId: string): Promise<string | undefined> {
    return this.ownStreamId(await this.store.getStreamIdForEventId(eventId));
  }

  async replayEventsAfter(
    ...[lastEventId, options]: Parameters<EventStore['replayEventsAfter']>
  ): ReturnType<EventStore['replayEventsAfter']> {
    // The SDK asks getStreamIdForEventId first; checked again so that nothing of another session is sent.
    if ((await this.getStreamIdForEventId(lastEventId)) === undefined) {
      throw new Error('the event id names no stream of this session');
    }
    const streamId = this.ownStreamId(await this.store.replayEventsAfter(lastEventId, options));
    if (streamId === undefined) throw new Error('the event id names no stream of this session');
    return streamId;
  }

  private ownStreamId(stored: string | undefined): string | undefined {
    return stored?.startsWith(this.prefix) === true ? stored.slice(this.prefix.length) : undefined;
  }
}
