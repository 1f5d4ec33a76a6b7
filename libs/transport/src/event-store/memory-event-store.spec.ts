import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { MemoryEventStore } from './memory-event-store';

const note = (n: number): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'notifications/progress',
  params: { progressToken: 't', progress: n },
});

async function replay(store: MemoryEventStore, after: string): Promise<{ streamId: string; got: number[] }> {
  const got: number[] = [];
  const streamId = await store.replayEventsAfter(after, {
    send: async (_id, message) => {
      got.push((message as unknown as { params: { progress: number } }).params.progress);
      return Promise.resolve();
    },
  });
  return { streamId, got };
}

describe('MemoryEventStore', () => {
  it('replays the events of one stream after the given id, in order, and no other stream’s', async () => {
    const store = new MemoryEventStore(100, 60000);
    const first = await store.storeEvent('a', note(1));
    await store.storeEvent('b', note(100));
    await store.storeEvent('a', note(2));
    await store.storeEvent('a', note(3));
    expect(await replay(store, first)).toEqual({ streamId: 'a', got: [2, 3] });
    expect(await store.getStreamIdForEventId(first)).toBe('a');
  });

  it('skips the SDK’s empty priming events', async () => {
    const store = new MemoryEventStore(100, 60000);
    const priming = await store.storeEvent('a', {} as JSONRPCMessage);
    await store.storeEvent('a', note(1));
    expect((await replay(store, priming)).got).toEqual([1]);
  });

  it('keeps at most maxEvents, dropping the oldest first', async () => {
    const store = new MemoryEventStore(3, 60000);
    const ids = [];
    for (let n = 1; n <= 5; n += 1) ids.push(await store.storeEvent('a', note(n)));
    expect(store.size).toBe(3);
    expect(await store.getStreamIdForEventId(ids[0] ?? '')).toBeUndefined();
    expect((await replay(store, ids[2] ?? '')).got).toEqual([4, 5]);
  });

  it('forgets events older than the time to live', async () => {
    let now = 0;
    const store = new MemoryEventStore(100, 1000, () => now);
    const old = await store.storeEvent('a', note(1));
    now = 1500;
    await store.storeEvent('a', note(2));
    expect(await store.getStreamIdForEventId(old)).toBeUndefined();
    expect(store.size).toBe(1);
  });

  it('names no stream for an unknown or malformed id', async () => {
    const store = new MemoryEventStore(100, 60000);
    expect(await store.getStreamIdForEventId('not-an-id')).toBeUndefined();
    expect(await replay(store, 'x.999')).toEqual({ streamId: '', got: [] });
  });
});
