import type { RedisConnection } from '@app/redis';
import type { TransportConfig } from '../transport.config';
import type { McpEventStore } from './mcp-event-store';
import type { McpEventStoreEvents } from './mcp-event-store-events';
import { MemoryEventStore } from './memory-event-store';
import { RedisEventStore } from './redis-event-store';

/** Redis when REDIS_URL is set (replicas share resumption), memory otherwise. */
export function createMcpEventStore(
  config: TransportConfig,
  redis: RedisConnection,
  events: McpEventStoreEvents,
): McpEventStore {
  const settings = config.eventStore;
  return redis.enabled
    ? new RedisEventStore(redis, settings, events)
    : new MemoryEventStore(settings.maxEvents, settings.ttlMs, Date.now, events);
}
