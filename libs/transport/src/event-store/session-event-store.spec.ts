import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { MemoryEventStore } from './memory-event-store';
import { SessionEventStore } from './session-event-store';

const note = (text: string): JSONRPCMessage => ({ jsonrpc: '2.0', method: 'notifications/message', params: { text } });

async function replayed(store: SessionEventStore, after: string): Promise<{ streamId: string; texts: string[] }> {
  const texts: string[] = [];
  const streamId = await store.replayEventsAfter(after, {
    send: async (_id, message) => {
      texts.push((message as unknown as { params: { text: string } }).params.text);
      return Promise.resolve();
    },
  });
  return { streamId, texts };
}

describe('SessionEventStore', () => {
  // The SDK names every session's standalone stream `_GET_stream`; session ids may end with a route.
  const shared = new MemoryEventStore(100, 60000);
  const alice = new SessionEventStore(shared, '8f0c7d9e-1111-4a4a-9b9b-000000000001.replica-1');
  const bob = new SessionEventStore(shared, '8f0c7d9e-2222-4a4a-9b9b-000000000002.replica-1');

  it('replays a session only its own standalone events, under the stream id the SDK gave', async () => {
    const first = await alice.storeEvent('_GET_stream', note('alice 1'));
    await bob.storeEvent('_GET_stream', note('bob 1'));
    await alice.storeEvent('_GET_stream', note('alice 2'));
    expect(await alice.getStreamIdForEventId(first)).toBe('_GET_stream');
    expect(await replayed(alice, first)).toEqual({ streamId: '_GET_stream', texts: ['alice 2'] });
  });

  it("does not know another session's event ids", async () => {
    const alices = await alice.storeEvent('_GET_stream', note('alice 3'));
    expect(await bob.getStreamIdForEventId(alices)).toBeUndefined();
    await expect(replayed(bob, alices)).rejects.toThrow('no stream of this session');
  });
});
