import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { McpEventStoreStatus } from './mcp-event-store';

export interface EventStoreEvent {
  readonly store: McpEventStoreStatus['store'];
  /** `store`: keeping one event of a stream; `replay`: a resumption (Last-Event-ID), from its lookup on. */
  readonly operation: 'store' | 'replay';
}

interface McpEventStoreEventMap {
  /** An operation asked of the store. */
  operation: [EventStoreEvent];
  /** Its backend failed or did not answer in time (the Redis store; see RedisCallGuard). */
  failure: [EventStoreEvent];
  /**
   * An operation answered by the degraded path: an event sent on without being stored, a resumption
   * refused (the backend failed, or the event was one sent while it did).
   */
  fallback: [EventStoreEvent];
}

/** What the MCP event store does, as events. Metrics count them; the stores never depend on that. */
@Injectable()
export class McpEventStoreEvents extends EventEmitter<McpEventStoreEventMap> {}
