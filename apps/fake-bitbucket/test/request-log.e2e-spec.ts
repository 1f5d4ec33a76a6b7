import { FakeBitbucketProcess } from '@app/testing';
import { once } from 'node:events';
import { connect } from 'node:net';

/** The request log's capacity (apps/fake-bitbucket/README.md). */
const CAPACITY = 20_000;

interface Counters {
  readonly total: number;
  readonly lastSeq: number;
  readonly byRoute: Record<string, number>;
}

/** Sends `count` GETs pipelined on one connection, the last one closing it, and waits for every answer. */
async function pipelinedGets(url: string, path: string, count: number): Promise<void> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const request = (close: boolean): string =>
    `GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\n${close ? 'Connection: close\r\n' : ''}\r\n`;
  socket.write(request(false).repeat(count - 1) + request(true));
  socket.resume();
  await once(socket, 'close');
}

describe('fake Bitbucket request log and counters (over real sockets)', () => {
  let fake: FakeBitbucketProcess;
  const counters = async (): Promise<Counters> => (await fake.admin('GET', 'counters')) as Counters;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });
  beforeEach(async () => {
    await fake.reset();
  });
  afterAll(async () => {
    await fake.stop();
  });

  it('keeps the latest 20,000 requests, and counts every one beyond them exactly', async () => {
    const sent = CAPACITY + 25;
    await pipelinedGets(fake.url, '/2.0/user', sent);
    await pipelinedGets(fake.url, '/rest/api/latest/projects', 3);

    const { total, lastSeq, byRoute } = await counters();
    expect({ total, byRoute }).toEqual({
      total: sent + 3,
      byRoute: { 'GET /2.0/user': sent, 'GET /rest/api/latest/projects': 3 },
    });
    const kept = await fake.requests();
    expect(kept).toHaveLength(CAPACITY);
    expect(kept[0]?.seq).toBe(lastSeq - CAPACITY + 1);
    expect(kept.at(-1)).toMatchObject({ seq: lastSeq, path: '/rest/api/latest/projects', outcome: 'answered' });
  });

  it('numbers fault rules and requests from 1 again after a reset, and only then', async () => {
    const rule = { path: '^/nowhere$', status: 500 };
    const seqs = async (): Promise<number[]> => (await fake.requests()).map((request) => request.seq);
    await fetch(`${fake.url}/2.0/user`);
    await fetch(`${fake.url}/2.0/user`);
    expect(await seqs()).toEqual([1, 2]);
    expect([await fake.addFault(rule), await fake.addFault(rule)]).toEqual([1, 2]);

    // Emptying the log or the rules alone keeps counting: a test may still hold a number from before.
    await fake.clearRequests();
    await fake.clearFaults();
    await fetch(`${fake.url}/2.0/user`);
    expect(await seqs()).toEqual([3]);
    expect(await fake.addFault(rule)).toBe(3);

    await fake.reset();
    expect((await counters()).lastSeq).toBe(0);
    await fetch(`${fake.url}/2.0/user`);
    expect(await seqs()).toEqual([1]);
    expect(await fake.addFault(rule)).toBe(1);
  });
});
