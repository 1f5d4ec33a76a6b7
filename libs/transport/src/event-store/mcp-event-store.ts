import type { EventStore } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

/**
 * Where the events of Streamable HTTP streams are kept so a client that lost its connection can
 * resume with Last-Event-ID (the SDK's EventStore). In memory by default; Redis when REDIS_URL is set,
 * so a resumption that lands on another replica finds them too.
 */
export abstract class McpEventStore implements EventStore {
  abstract storeEvent(...args: Parameters<EventStore['storeEvent']>): ReturnType<EventStore['storeEvent']>;
  abstract replayEventsAfter(
    ...args: Parameters<EventStore['replayEventsAfter']>
  ): ReturnType<EventStore['replayEventsAfter']>;
  abstract getStreamIdForEventId(streamId: string): Promise<string | undefined>;
}
