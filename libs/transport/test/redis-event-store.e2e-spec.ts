import { RedisConnection } from '@app/redis';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { randomUUID } from 'node:crypto';
import { RedisEventStore } from '../src/event-store/redis-event-store';

const REDIS_URL = process.env.REDIS_URL;
const note = (n: number): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'notifications/progress',
  params: { progressToken: 't', progress: n },
});

if (REDIS_URL === undefined) {
  // Said plainly in the output rather than silently passing: this suite needs a real Redis.
  console.warn('REDIS_URL is not set: the RedisEventStore suite does not run (set REDIS_URL=redis://127.0.0.1:6379).');
}

(REDIS_URL === undefined ? describe.skip : describe)('RedisEventStore against a real Redis (REDIS_URL)', () => {
  let redis: RedisConnection;
  const prefix = `test-${randomUUID()}:`;

  beforeAll(async () => {
    redis = new RedisConnection(REDIS_URL, prefix);
    await redis.connect();
  });

  afterAll(async () => {
    const keys = await redis.client?.keys(`${prefix}*`);
    if (keys !== undefined && keys.length > 0) await redis.client?.del(...keys);
    await redis.close();
  });

  const replay = async (store: RedisEventStore, after: string): Promise<{ streamId: string; got: number[] }> => {
    const got: number[] = [];
    const streamId = await store.replayEventsAfter(after, {
      send: async (_id, message) => {
        got.push((message as unknown as { params: { progress: number } }).params.progress);
        return Promise.resolve();
      },
    });
    return { streamId, got };
  };

  it('replays one stream after the given id, in order, skipping priming events; another store instance sees the same', async () => {
    const store = new RedisEventStore(redis, { maxEvents: 1000, ttlMs: 60000, timeoutMs: 1000 });
    const stream = randomUUID();
    const priming = await store.storeEvent(stream, {} as JSONRPCMessage);
    const first = await store.storeEvent(stream, note(1));
    await store.storeEvent(randomUUID(), note(100));
    await store.storeEvent(stream, note(2));
    await store.storeEvent(stream, note(3));
    // A second replica: a new connection and store over the same Redis.
    const other = new RedisConnection(REDIS_URL, prefix);
    await other.connect();
    try {
      const replica = new RedisEventStore(other, { maxEvents: 1000, ttlMs: 60000, timeoutMs: 1000 });
      expect(await replay(replica, first)).toEqual({ streamId: stream, got: [2, 3] });
      expect(await replay(replica, priming)).toEqual({ streamId: stream, got: [1, 2, 3] });
      expect(await replica.getStreamIdForEventId(first)).toBe(stream);
    } finally {
      await other.close();
    }
  });

  it('expires a stream after its time to live, and names no stream for unknown ids', async () => {
    const store = new RedisEventStore(redis, { maxEvents: 1000, ttlMs: 200, timeoutMs: 1000 });
    const stream = randomUUID();
    const id = await store.storeEvent(stream, note(1));
    expect(await store.getStreamIdForEventId(id)).toBe(stream);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await store.getStreamIdForEventId(id)).toBeUndefined();
    expect(await store.getStreamIdForEventId('garbage')).toBeUndefined();
  });

  it('caps each stream near maxEvents', async () => {
    const store = new RedisEventStore(redis, { maxEvents: 10, ttlMs: 60000, timeoutMs: 1000 });
    const stream = randomUUID();
    for (let n = 0; n < 500; n += 1) await store.storeEvent(stream, note(n));
    const length = await redis.client?.xlen(redis.key('mcp-events', stream));
    // MAXLEN ~ trims whole radix-tree nodes: approximately, never far above.
    expect(length).toBeLessThan(200);
  });
});
