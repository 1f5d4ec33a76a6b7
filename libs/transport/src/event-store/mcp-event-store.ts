import type { EventStore } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

/** What readiness tells about the event store: `degraded` when streams currently cannot be resumed, and why. */
export interface McpEventStoreStatus {
  readonly store: 'memory' | 'redis';
  readonly state: 'ok' | 'degraded';
  readonly resumable: boolean;
  readonly reason?: string;
  /** ISO 8601. */
  readonly since?: string;
}

/**
 * Where the events of Streamable HTTP streams are kept so a client that lost its connection can
 * resume with Last-Event-ID (the SDK's EventStore). In memory by default; Redis when REDIS_URL is set,
 * so a resumption that lands on another replica finds them. The SDK awaits every call in the middle
 * of answering: implementations never reject and never wait long, they degrade instead.
 */
export abstract class McpEventStore implements EventStore {
  abstract storeEvent(...args: Parameters<EventStore['storeEvent']>): ReturnType<EventStore['storeEvent']>;
  abstract replayEventsAfter(
    ...args: Parameters<EventStore['replayEventsAfter']>
  ): ReturnType<EventStore['replayEventsAfter']>;
  abstract getStreamIdForEventId(streamId: string): Promise<string | undefined>;
  /** Checks the store's backend now (time-boxed) and tells whether streams are resumable. */
  abstract status(): Promise<McpEventStoreStatus>;
}
