import { RedisConnection } from '@app/redis';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { Logger } from '@nestjs/common';
import { McpEventStoreEvents } from './mcp-event-store-events';
import { RedisEventStore } from './redis-event-store';

const note: JSONRPCMessage = { jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 't' } };

/** The few ioredis calls the store makes, each steerable; `status` is ioredis' connection state. */
class FakeRedisClient {
  status = 'ready';
  exec = jest.fn(async (): Promise<[Error | null, unknown][]> => Promise.resolve([[null, '1700000000000-0']]));
  xrange = jest.fn(async (): Promise<[string, string[]][]> => Promise.resolve([]));
  set = jest.fn(async (): Promise<string> => Promise.resolve('OK'));

  multi() {
    const chain = { xadd: () => chain, pexpire: () => chain, exec: this.exec };
    return chain;
  }
}

describe('RedisEventStore when Redis fails', () => {
  let client: FakeRedisClient;
  let store: RedisEventStore;
  /** `<event> <operation>`, as the store told them. */
  let told: string[];

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    client = new FakeRedisClient();
    // The real connection's key() and readyClient(), over the fake client.
    const redis = Object.assign(Object.create(RedisConnection.prototype) as RedisConnection, {
      client,
      keyPrefix: 'p:',
    });
    const events = new McpEventStoreEvents();
    told = [];
    for (const name of ['operation', 'failure', 'fallback'] as const) {
      events.on(name, ({ store: kind, operation }) => told.push(`${name} ${kind} ${operation}`));
    }
    store = new RedisEventStore(redis, { maxEvents: 100, ttlMs: 60_000, timeoutMs: 50 }, events);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('stores in Redis while it answers', async () => {
    expect(await store.storeEvent('s', note)).toBe('s.1700000000000-0');
    client.xrange.mockResolvedValueOnce([['1700000000000-0', ['m', '{}']]]);
    expect(await store.getStreamIdForEventId('s.1700000000000-0')).toBe('s');
    expect(await store.status()).toEqual({ store: 'redis', state: 'ok', resumable: true });
  });

  it('while Redis is not connected, answers every call at once: events get ids that resume nothing', async () => {
    client.status = 'reconnecting';
    const first = await store.storeEvent('s', note);
    const second = await store.storeEvent('s', note);
    expect(first).toMatch(/^s\.unstored-\d+$/);
    expect(second).not.toBe(first);
    expect(await store.getStreamIdForEventId(first)).toBeUndefined();
    expect(client.exec).not.toHaveBeenCalled();
    expect(client.xrange).not.toHaveBeenCalled();
    expect(await store.status()).toEqual({
      store: 'redis',
      state: 'degraded',
      resumable: false,
      reason: 'Redis is not connected (reconnecting)',
      since: expect.any(String) as string,
    });
  });

  it('gives up on Redis calls that do not answer within the time box', async () => {
    client.exec.mockReturnValue(new Promise(() => undefined));
    client.xrange.mockReturnValue(new Promise(() => undefined));
    client.set.mockReturnValue(new Promise(() => undefined));
    const started = Date.now();
    expect(await store.storeEvent('s', note)).toMatch(/^s\.unstored-\d+$/);
    expect(await store.getStreamIdForEventId('s.1700000000000-0')).toBeUndefined();
    expect(await store.status()).toMatchObject({ state: 'degraded', reason: 'Redis did not answer within 50 ms' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('takes a write Redis refuses as not stored, and readiness probes with a write too', async () => {
    const refusal = new Error('OOM command not allowed when used memory > maxmemory');
    client.exec.mockResolvedValue([[refusal, null]]);
    client.set.mockRejectedValue(refusal);
    expect(await store.storeEvent('s', note)).toMatch(/^s\.unstored-\d+$/);
    expect(await store.status()).toMatchObject({ state: 'degraded', reason: refusal.message });
  });

  it('replays nothing when Redis fails after finding the id, yet keeps the stream, so its rest still arrives', async () => {
    client.xrange.mockRejectedValue(new Error('Connection is closed.'));
    const sent: string[] = [];
    const streamId = await store.replayEventsAfter('s.1700000000000-0', {
      send: async (id) => {
        sent.push(id);
        return Promise.resolve();
      },
    });
    expect(streamId).toBe('s');
    expect(sent).toEqual([]);
  });

  it('never asks Redis about an id it did not give out', async () => {
    for (const id of ['s.unstored-3', 's.12', 'no-dot', 's.1-2-3']) {
      expect(await store.getStreamIdForEventId(id)).toBeUndefined();
    }
    expect(client.xrange).not.toHaveBeenCalled();
    expect(await store.status()).toMatchObject({ state: 'ok' });
  });

  it('stores again, resumably, at the first call after Redis is back', async () => {
    client.status = 'reconnecting';
    await store.storeEvent('s', note);
    client.status = 'ready';
    expect(await store.storeEvent('s', note)).toBe('s.1700000000000-0');
    expect(await store.status()).toEqual({ store: 'redis', state: 'ok', resumable: true });
  });

  it('tells each operation, each failure, and each answer of the degraded path, a resumption from an unstored event too', async () => {
    await store.storeEvent('s', note);
    client.status = 'reconnecting';
    const unstored = await store.storeEvent('s', note);
    await store.getStreamIdForEventId('s.1700000000000-0');
    client.status = 'ready';
    await store.getStreamIdForEventId(unstored);
    expect(told).toEqual([
      'operation redis store',
      'operation redis store',
      'failure redis store',
      'fallback redis store',
      'operation redis replay',
      'failure redis replay',
      'fallback redis replay',
      'operation redis replay',
      'fallback redis replay',
    ]);
  });
});
