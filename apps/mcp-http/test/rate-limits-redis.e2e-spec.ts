import { McpHttpProcess, RedisServerProcess } from '@app/testing';
import { setTimeout as sleep } from 'node:timers/promises';
import { jsonRpcError, post } from './mcp-http-client';
import { logLines } from './server-log';
import { Started } from './started';

const LIMIT = 10;
/** How long any request may take while Redis is away (RATE_LIMIT_REDIS_TIMEOUT_MS keeps its default, 100 ms). */
const DEADLINE_MS = 3000;
const ping = { jsonrpc: '2.0', id: 1, method: 'ping' };

/**
 * One request from `address` (the proxy in front, loopback, is trusted): its status, within the
 * deadline. Each phase of the suite uses an address of its own, so it starts with a fresh count.
 */
async function statusFrom(server: McpHttpProcess, address: string): Promise<number> {
  const started = Date.now();
  const res = await post(server.mcpUrl, ping, { 'X-Forwarded-For': address }, AbortSignal.timeout(DEADLINE_MS));
  await res.body?.cancel();
  expect(Date.now() - started).toBeLessThan(DEADLINE_MS);
  return res.status;
}

/** `count` requests from `address`, alternating between `servers`: their statuses. */
async function alternating(servers: readonly McpHttpProcess[], address: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  const turns = Array.from({ length: Math.ceil(count / servers.length) }, () => servers).flat();
  for (const server of turns.slice(0, count)) statuses.push(await statusFrom(server, address));
  return statuses;
}

const passed = (count: number): number[] => Array.from({ length: count }, () => 400);

/** Whether the server's Redis connection answers: its readiness probes Redis with a write (the event store). */
async function redisAnswers(server: McpHttpProcess): Promise<boolean> {
  const ready = (await (await fetch(`${server.url}/health/ready`)).json()) as {
    info: { eventStore: { state: string } };
  };
  return ready.info.eventStore.state === 'ok';
}

async function untilRedisAnswers(server: McpHttpProcess, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await redisAnswers(server))) {
    if (Date.now() > deadline) throw new Error(`${server.url} did not reach Redis again within ${timeoutMs} ms`);
    await sleep(100);
  }
}

describe('rate limits shared through Redis by two replicas, while Redis goes away and comes back', () => {
  let redis: RedisServerProcess;
  let replicas: McpHttpProcess[];
  let failClosed: McpHttpProcess;
  const started = new Started();

  beforeAll(async () => {
    // A throwaway Redis of this suite's own: it is killed and restarted below.
    redis = started.add(await RedisServerProcess.start(), async (server) => server.kill());
    const env = {
      REDIS_URL: redis.url,
      TRUST_PROXY: 'loopback',
      RATE_LIMIT_IP_LIMIT: String(LIMIT),
      LOG_LEVEL: 'info',
    };
    const servers = await Promise.all([
      McpHttpProcess.start(env),
      McpHttpProcess.start(env),
      McpHttpProcess.start({ ...env, RATE_LIMIT_FAIL_CLOSED: 'true' }),
    ]);
    for (const server of servers) started.add(server, async (running) => running.stop());
    replicas = servers.slice(0, 2);
    failClosed = servers[2];
  }, 30000);

  afterAll(async () => started.stopAll(), 30000);

  const warnings = (server: McpHttpProcess): string[] => logLines(server, 'RateLimit', 'warn');
  const recoveries = (server: McpHttpProcess): string[] => logLines(server, 'RateLimit', 'info');

  it('enforces one limit between the replicas while Redis is up', async () => {
    expect(await alternating(replicas, '203.0.113.1', LIMIT)).toEqual(passed(LIMIT));
    for (const server of replicas) expect(await statusFrom(server, '203.0.113.1')).toBe(429);
    expect(replicas.flatMap(warnings)).toEqual([]);
  }, 20000);

  it('keeps both serving once Redis is killed, each counting on its own, with one warning each', async () => {
    await redis.kill();
    for (const server of replicas) {
      expect(await alternating([server], '203.0.113.2', LIMIT)).toEqual(passed(LIMIT));
      const refused = await post(server.mcpUrl, ping, { 'X-Forwarded-For': '203.0.113.2' });
      expect(refused.status).toBe(429);
      expect((await jsonRpcError(refused)).data.code).toBe('RATE_LIMITED_IP');
    }
    for (const server of replicas) {
      expect(warnings(server)).toEqual([
        expect.stringMatching(/^Rate-limit counters degraded \(.+\): each replica counts on its own until Redis/),
      ]);
    }

    // Failing closed instead: refused with 503 and Retry-After, never hung; the probes still answer.
    const refused = await post(failClosed.mcpUrl, ping, { 'X-Forwarded-For': '203.0.113.3' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect((await jsonRpcError(refused)).data.code).toBe('RATE_LIMIT_UNAVAILABLE');
    expect((await fetch(`${failClosed.url}/health/ready`)).status).toBe(200);
  }, 20000);

  it('shares one limit again once Redis is back, and says so once', async () => {
    await redis.restart();
    await Promise.all([...replicas, failClosed].map(async (server) => untilRedisAnswers(server)));
    expect(await alternating(replicas, '203.0.113.4', LIMIT)).toEqual(passed(LIMIT));
    for (const server of replicas) expect(await statusFrom(server, '203.0.113.4')).toBe(429);
    for (const server of replicas) {
      expect(recoveries(server)).toEqual([
        expect.stringMatching(/^Rate-limit counters recovered after \d+ ms: Redis answers again/),
      ]);
      expect(warnings(server)).toHaveLength(1);
    }
    expect(await statusFrom(failClosed, '203.0.113.5')).toBe(400);
  }, 30000);
});
