import { FakeBitbucketProcess, freePort, McpHttpProcess, RedisServerProcess } from '@app/testing';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import { initializeRequest, openSession, post } from './mcp-http-client';
import { cutAndResumePipelineWait, expectNothingLostNothingTwice, PIPELINE_WAIT_ENV } from './pipeline-wait-resumption';
import { logLines } from './server-log';
import { SseReader } from './sse-reader';
import { Started } from './started';

/** How long any exchange may take while Redis is away; MCP_EVENT_STORE_TIMEOUT_MS keeps its default (300 ms). */
const DEADLINE_MS = 5000;
const STORED_ID = /\.\d+-\d+$/;
const UNSTORED_ID = /\.unstored-\d+$/;
/** REDIS_URL carries it: it must never reach the log. */
const REDIS_PASSWORD = 'outage-test-s3cret';

interface EventStoreReadiness {
  status: string;
  store: string;
  state: 'ok' | 'degraded';
  resumable: boolean;
  reason?: string;
  since?: string;
}

/** Runs `exchange` with a signal that aborts it at the deadline, and fails if it took longer. */
async function withinDeadline<T>(what: string, exchange: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const started = Date.now();
  const signal = AbortSignal.timeout(DEADLINE_MS);
  try {
    const value = await exchange(signal);
    expect(Date.now() - started).toBeLessThan(DEADLINE_MS);
    return value;
  } catch (error) {
    if (signal.aborted) throw new Error(`${what}: no answer within ${DEADLINE_MS} ms`, { cause: error });
    throw error;
  }
}

const listUsers = (id: number, progressToken?: string) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: {
    name: 'list_users',
    arguments: { workspace: 'acme' },
    ...(progressToken === undefined ? {} : { _meta: { progressToken } }),
  },
});

const userNames = (message: unknown): string[] =>
  (message as { result: { structuredContent: { items: { name: string }[] } } }).result.structuredContent.items.map(
    (user) => user.name,
  );

/**
 * A tools/call asking for progress, so answered as SSE: the id of every event, the priming one
 * included, once the server has ended the stream with the answer.
 */
async function streamedCall(server: McpHttpProcess, session: string, id: number): Promise<string[]> {
  return withinDeadline(`streamed call ${id}`, async (signal) => {
    const res = await post(server.mcpUrl, listUsers(id, `progress-${id}`), { 'Mcp-Session-Id': session }, signal);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = new SseReader(res);
    await reader.ended();
    const answer = reader.events().find((event) => (event.data as { id?: unknown }).id === id);
    if (answer === undefined) throw new Error(`the stream ended without the answer:\n${reader.text}`);
    expect(userNames(answer.data)).toContain('alice');
    const ids = [...reader.text.matchAll(/^id: (.*)$/gm)].map((line) => line[1] ?? '');
    // The priming event, then the answer.
    expect(ids.length).toBeGreaterThanOrEqual(2);
    return ids;
  });
}

/** A tools/call without progress, answered as one JSON body. */
async function plainCall(server: McpHttpProcess, session: string, id: number): Promise<void> {
  return withinDeadline(`plain call ${id}`, async (signal) => {
    const res = await post(server.mcpUrl, listUsers(id), { 'Mcp-Session-Id': session }, signal);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(userNames(await res.json())).toContain('alice');
  });
}

/** An initialize answered normally (never the -32700 a failing priming event used to cause); also as SSE when asked. */
async function initialize(server: McpHttpProcess, asStream = false): Promise<void> {
  return withinDeadline('initialize', async (signal) => {
    const params = { ...initializeRequest.params, ...(asStream ? { _meta: { progressToken: 'init' } } : {}) };
    const res = await post(server.mcpUrl, { ...initializeRequest, params }, {}, signal);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('mcp-session-id')).not.toBeNull();
    expect(text).toContain('"protocolVersion"');
    expect(text).not.toContain('-32700');
  });
}

async function eventStoreReadiness(server: McpHttpProcess): Promise<EventStoreReadiness> {
  return withinDeadline('readiness', async (signal) => {
    const res = await fetch(`${server.url}/health/ready`, { signal });
    // The replica stays ready: without Redis, streams still work, only resumption is lost.
    expect(res.status).toBe(200);
    return ((await res.json()) as { info: { eventStore: EventStoreReadiness } }).info.eventStore;
  });
}

/** Polls readiness until the event store is back to `ok`; how long it took. */
async function untilRecovered(server: McpHttpProcess, timeoutMs = 10000): Promise<number> {
  const started = Date.now();
  while ((await eventStoreReadiness(server)).state !== 'ok') {
    if (Date.now() - started > timeoutMs) throw new Error(`the event store did not recover within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}

const outageWarnings = (server: McpHttpProcess): string[] => logLines(server, 'McpEventStore', 'warn');

describe('the Redis event store while its Redis goes away and comes back', () => {
  let redis: RedisServerProcess;
  let fake: FakeBitbucketProcess;
  let server: McpHttpProcess;
  let session: string;
  const started = new Started();

  beforeAll(async () => {
    redis = started.add(await RedisServerProcess.start({ password: REDIS_PASSWORD }), async (redisServer) =>
      redisServer.kill(),
    );
    fake = started.add(await FakeBitbucketProcess.start(), async (fakeServer) => fakeServer.stop());
    server = started.add(
      await McpHttpProcess.start({
        ...bitbucketEnv(fake, 'cloud'),
        ...PIPELINE_WAIT_ENV,
        REDIS_URL: redis.url,
        LOG_LEVEL: 'info',
      }),
      async (mcpServer) => mcpServer.stop(),
    );
  }, 30000);

  afterAll(async () => started.stopAll(), 30000);

  it('streams, answers and resumes cut streams while Redis is up', async () => {
    session = await openSession(server.mcpUrl);
    const ids = await streamedCall(server, session, 10);
    expect(ids.every((eventId) => STORED_ID.test(eventId))).toBe(true);
    await plainCall(server, session, 11);
    expect(await eventStoreReadiness(server)).toEqual({ status: 'up', store: 'redis', state: 'ok', resumable: true });

    const run = await cutAndResumePipelineWait(server.mcpUrl, fake, session, 13);
    expect(run.lastId).toMatch(STORED_ID);
    expectNothingLostNothingTwice(run);
    expect(outageWarnings(server)).toEqual([]);
  }, 40000);

  it('keeps answering within the deadline while Redis does not answer at all, and stores again once it does', async () => {
    redis.freeze();
    try {
      const ids = await streamedCall(server, session, 20);
      expect(ids.every((eventId) => UNSTORED_ID.test(eventId))).toBe(true);
      await plainCall(server, session, 21);
      await initialize(server);
      await streamedCall(server, session, 22);
      expect(await eventStoreReadiness(server)).toEqual({
        status: 'up',
        store: 'redis',
        state: 'degraded',
        resumable: false,
        reason: 'Redis did not answer within 300 ms',
        since: expect.any(String) as string,
      });
      expect(outageWarnings(server)).toEqual([expect.stringContaining('Redis did not answer within 300 ms')]);
    } finally {
      redis.thaw();
    }
    await untilRecovered(server);
    expect(logLines(server, 'McpEventStore', 'info')).toEqual([expect.stringContaining('MCP event store recovered')]);
    const ids = await streamedCall(server, session, 23);
    expect(ids.every((eventId) => STORED_ID.test(eventId))).toBe(true);
  }, 40000);

  it('keeps answering within the deadline once Redis is killed, a stream opened before included', async () => {
    await fake.settings({ pipelinePendingMs: 200, pipelineStepMs: 300 });
    const triggered = (await (
      await post(
        server.mcpUrl,
        {
          jsonrpc: '2.0',
          id: 30,
          method: 'tools/call',
          params: { name: 'trigger_pipeline', arguments: { workspace: 'acme', repo: 'payments-api', ref: 'main' } },
        },
        { 'Mcp-Session-Id': session },
      )
    ).json()) as { result: { structuredContent: { buildNumber: number } } };
    const open = await post(
      server.mcpUrl,
      {
        jsonrpc: '2.0',
        id: 31,
        method: 'tools/call',
        params: {
          name: 'wait_for_pipeline',
          arguments: {
            workspace: 'acme',
            repo: 'payments-api',
            pipeline: triggered.result.structuredContent.buildNumber,
            pollIntervalSeconds: 1,
          },
          _meta: { progressToken: 'killed-under-it' },
        },
      },
      { 'Mcp-Session-Id': session },
    );
    const inFlight = new SseReader(open);
    const primed = await inFlight.waitFor(/^id: (\S+)$/m);
    expect(primed[1]).toMatch(STORED_ID);

    await redis.kill();
    // Its result is sent while Redis is gone: it still arrives, and the stream ends.
    await withinDeadline('the stream opened before the outage', async () => {
      await inFlight.waitFor(/"id":31\}/, DEADLINE_MS);
      await inFlight.ended();
    });

    const ids = await streamedCall(server, session, 32);
    expect(ids.every((eventId) => UNSTORED_ID.test(eventId))).toBe(true);
    await plainCall(server, session, 33);
    await initialize(server);
    const degraded = await eventStoreReadiness(server);
    expect(degraded).toMatchObject({ state: 'degraded', resumable: false });
    // Nothing here is the process's fault: a restart would not bring Redis back.
    const live = await fetch(`${server.url}/health/live`);
    expect(live.status).toBe(200);
    await live.text();
    // Which refusal ioredis gives depends on where its reconnection loop is when the call arrives.
    expect(degraded.reason).toMatch(
      /^(Redis is not connected \((connecting|reconnecting)\)|Reached the max retries per request limit)/,
    );

    // An unstored id resumes nothing, and says so at once.
    const resumed = await withinDeadline('a resumption from an unstored id', async (signal) =>
      fetch(server.mcpUrl, {
        headers: {
          Accept: 'text/event-stream',
          'Mcp-Session-Id': session,
          'Last-Event-ID': ids.at(-1) ?? '',
        },
        signal,
      }),
    );
    expect(resumed.status).toBe(400);
    await resumed.body?.cancel();

    // One warning for this outage (the second of the suite), however many calls it hit.
    expect(outageWarnings(server)).toHaveLength(2);
    expect(logLines(server, 'Redis', 'warn')).toEqual([expect.stringContaining('Redis unreachable')]);
    expect(server.output).not.toContain(REDIS_PASSWORD);
  }, 40000);

  it('resumes cut streams again once Redis is back on the same port', async () => {
    await redis.restart();
    await untilRecovered(server);
    expect(logLines(server, 'McpEventStore', 'info')).toHaveLength(2);
    expect(logLines(server, 'Redis', 'info')).toContain('Redis reachable again');

    const run = await cutAndResumePipelineWait(server.mcpUrl, fake, session, 41);
    expect(run.lastId).toMatch(STORED_ID);
    expectNothingLostNothingTwice(run);
    expect(outageWarnings(server)).toHaveLength(2);
  }, 40000);
});

describe('the Redis event store when Redis is unreachable from the start', () => {
  let server: McpHttpProcess;
  const started = new Started();

  beforeAll(async () => {
    const fake = started.add(await FakeBitbucketProcess.start(), async (fakeServer) => fakeServer.stop());
    // Nothing listens there; the server still becomes ready (McpHttpProcess waits for /health/ready).
    const nowhere = `redis://127.0.0.1:${await freePort()}`;
    server = started.add(
      await McpHttpProcess.start({
        ...bitbucketEnv(fake, 'cloud'),
        ...PIPELINE_WAIT_ENV,
        REDIS_URL: nowhere,
        LOG_LEVEL: 'info',
      }),
      async (mcpServer) => mcpServer.stop(),
    );
  }, 30000);

  afterAll(async () => started.stopAll(), 30000);

  it('answers initialize normally and completes streamed calls, without resumability', async () => {
    await initialize(server);
    await initialize(server, true);
    const session = await openSession(server.mcpUrl);
    const ids = await streamedCall(server, session, 1);
    expect(ids.every((eventId) => UNSTORED_ID.test(eventId))).toBe(true);
    await streamedCall(server, session, 2);
    await plainCall(server, session, 3);
    expect(await eventStoreReadiness(server)).toMatchObject({
      status: 'up',
      state: 'degraded',
      resumable: false,
      reason: expect.stringMatching(/^Redis is not connected/) as string,
    });
    expect(outageWarnings(server)).toHaveLength(1);
    // ioredis keeps retrying (every 50 ms, then slower): still one warning for the connection.
    expect(logLines(server, 'Redis', 'warn')).toHaveLength(1);
  }, 30000);
});
