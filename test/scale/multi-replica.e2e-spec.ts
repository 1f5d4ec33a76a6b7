import { FakeBitbucketProcess, RedisServerProcess } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { initializeRequest, jsonRpcError, openSession, post } from '../../apps/mcp-http/test/mcp-http-client';
import {
  cutAndResumePipelineWait,
  PIPELINE_WAIT_ENV,
  expectNothingLostNothingTwice,
} from '../../apps/mcp-http/test/pipeline-wait-resumption';
import { Started } from '../../apps/mcp-http/test/started';
import { bitbucketEnv } from '../tool-suite/bitbucket-env';
import { ReplicasBehindNginx, ROUTES, routeOf, type AccessRecord } from './replicas-behind-nginx';

const USER_LIMIT = 30;
const REPOSITORY = { workspace: 'acme', repo: 'payments-api' };
const keyOf = (principal: string): string => `${principal}-key-0123456789abcdef`;
/** Every client is a principal of its own (its API key), as users of a shared deployment are. */
const PRINCIPALS = [
  'burst',
  'resume',
  ...Array.from({ length: 6 }, (_, index) => `sessions-${index + 1}`),
  'legacy',
  ...Array.from({ length: 6 }, (_, index) => `failover-${index + 1}`),
  'round-robin',
  ...Array.from({ length: 3 }, (_, index) => `load-${index + 1}`),
];
const apiKeys = PRINCIPALS.map((principal) => `${principal}:${keyOf(principal)}`).join(',');
const asPrincipal = (principal: string): Record<string, string> => ({ 'X-API-Key': keyOf(principal) });

/** What every replica of both sets shares: the fake as Bitbucket, one Redis, nginx in front (trusted). */
function replicaEnv(fake: FakeBitbucketProcess, redis: RedisServerProcess): Record<string, string> {
  return {
    ...bitbucketEnv(fake, 'cloud'),
    ...PIPELINE_WAIT_ENV,
    AUTH_METHODS: 'apikey',
    AUTH_API_KEYS: apiKeys,
    REDIS_URL: redis.url,
    TRUST_PROXY: 'loopback',
    // Every client comes from 127.0.0.1 here: the address limit would hold them all together.
    RATE_LIMIT_IP_LIMIT: '1000000',
  };
}

async function sdkClient(set: ReplicasBehindNginx, principal: string): Promise<Client> {
  const client = new Client({ name: principal, version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(set.mcpUrl, { requestInit: { headers: asPrincipal(principal) } }),
  );
  return client;
}

const sessionOf = (client: Client): string => {
  const id = (client.transport as StreamableHTTPClientTransport | undefined)?.sessionId;
  if (id === undefined) throw new Error('the client has no session');
  return id;
};

async function getRepository(client: Client): Promise<CallToolResult> {
  const result = (await client.callTool({ name: 'get_repository', arguments: REPOSITORY })) as CallToolResult;
  if (result.isError === true) throw new Error(`get_repository failed: ${JSON.stringify(result.content)}`);
  return result;
}

/** How many of `records` each replica answered (the last replica nginx tried). */
function byReplica(set: ReplicasBehindNginx, records: readonly AccessRecord[]): Record<string, number> {
  const counts = Object.fromEntries(ROUTES.map((route) => [route, 0]));
  for (const record of records) {
    const route = set.routeAt(record.upstream_addr.split(', ').at(-1) ?? '');
    counts[route] = (counts[route] ?? 0) + 1;
  }
  return counts;
}

const figures = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([route, count]) => `${route} ${count}`)
    .join(', ');

/**
 * The access-log lines of the requests `run` made (the scenarios run one after the other). nginx
 * writes a line once it has answered: the last ones may come just after the client has its answer.
 */
async function logged<T>(set: ReplicasBehindNginx, run: () => Promise<T>): Promise<[T, AccessRecord[]]> {
  const before = set.accessLog().length;
  const result = await run();
  let records = set.accessLog();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = set.accessLog();
    if (now.length === records.length) return [result, records.slice(before)];
    records = now;
  }
}

/**
 * Three replicas behind nginx (deploy/nginx/mcp-replicas.conf.template) sharing one Redis, on this
 * machine: what a deployment of several replicas promises, with the figures each scenario prints.
 */
describe('three replicas behind nginx sharing Redis', () => {
  const started = new Started();
  let fake: FakeBitbucketProcess;
  let redis: RedisServerProcess;

  beforeAll(async () => {
    fake = started.add(await FakeBitbucketProcess.start(), async (running) => running.stop());
    // A Redis of this suite's own, thrown away with it.
    redis = started.add(await RedisServerProcess.start(), async (running) => running.kill());
  }, 30000);

  afterAll(async () => started.stopAll(), 30000);

  describe('with sessions, routed by the route ending each session id', () => {
    let set: ReplicasBehindNginx;

    beforeAll(async () => {
      set = await ReplicasBehindNginx.start(
        // The limit is per principal: each client below stays under it, but for the one that tests it.
        { ...replicaEnv(fake, redis), RATE_LIMIT_USER_LIMIT: String(USER_LIMIT) },
        // A reload cuts the streams still open after 1 s (the stream cut by nginx below).
        { workerShutdownTimeout: '1s' },
      );
    }, 60000);

    afterAll(async () => set.stop(), 30000);

    it('counts a rate limit across the replicas: exactly the limit passes, the rest gets 429 with Retry-After', async () => {
      const sent = USER_LIMIT + 15;
      const [answers, records] = await logged(set, async () => {
        const statuses: { status: number; retryAfter: string | null; code?: string }[] = [];
        // Requests without a session (initialize) go round-robin: a third to each replica.
        for (let index = 0; index < sent; index += 1) {
          const res = await post(set.mcpUrl, initializeRequest, asPrincipal('burst'));
          const answer = { status: res.status, retryAfter: res.headers.get('retry-after') };
          if (res.status === 429) statuses.push({ ...answer, code: (await jsonRpcError(res)).data.code });
          else {
            statuses.push(answer);
            await res.body?.cancel();
          }
        }
        return statuses;
      });
      const accepted = answers.filter(({ status }) => status === 200);
      const refused = answers.filter(({ status }) => status === 429);
      expect(accepted).toHaveLength(USER_LIMIT);
      expect(refused).toHaveLength(sent - USER_LIMIT);
      for (const refusal of refused) {
        expect(refusal.code).toBe('RATE_LIMITED_USER');
        expect(Number(refusal.retryAfter)).toBeGreaterThan(0);
      }
      const acceptedBy = byReplica(
        set,
        records.filter(({ status }) => status === 200),
      );
      const refusedBy = byReplica(
        set,
        records.filter(({ status }) => status === 429),
      );
      // Each replica let some through and refused some: none could have kept the limit alone.
      for (const route of ROUTES) {
        expect(acceptedBy[route]).toBeGreaterThan(0);
        expect(refusedBy[route]).toBeGreaterThan(0);
      }
      console.log(
        `rate limit (RATE_LIMIT_USER_LIMIT=${USER_LIMIT}, one principal): ${sent} requests sent, ${accepted.length} accepted (${figures(acceptedBy)}), ${refused.length} refused 429 with Retry-After (${figures(refusedBy)})`,
      );
    }, 30000);

    it('keeps every request of a session on the replica that holds it, both transports', async () => {
      const calls = 12;
      const [sessions, records] = await logged(set, async () => {
        const clients = await Promise.all(
          Array.from({ length: 6 }, async (_, index) => sdkClient(set, `sessions-${index + 1}`)),
        );
        const legacy = new Client({ name: 'legacy', version: '1.0.0' });
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- the legacy transport is what this client proves.
        await legacy.connect(new SSEClientTransport(set.sseUrl, { requestInit: { headers: asPrincipal('legacy') } }));
        try {
          await Promise.all(
            [...clients, legacy].map(async (client) => {
              for (let call = 0; call < calls; call += 1) await getRepository(client);
            }),
          );
          return clients.map(sessionOf);
        } finally {
          await Promise.all([...clients, legacy].map(async (client) => client.close()));
        }
      });
      for (const session of sessions) expect(ROUTES).toContain(routeOf(session));
      const sessionId = (record: AccessRecord): string =>
        record.session !== '' ? record.session : (new URL(record.uri, set.url).searchParams.get('sessionId') ?? '');
      // The legacy session: its id is in the endpoint its stream announced, and in each POST /messages.
      const legacyMessages = records.filter(({ uri }) => uri.startsWith('/messages?'));
      const legacySessions = new Set(legacyMessages.map(sessionId));
      expect(legacySessions.size).toBe(1);
      const legacySession = [...legacySessions][0] ?? '';
      expect(ROUTES).toContain(routeOf(legacySession));
      expect(legacyMessages.length).toBeGreaterThanOrEqual(calls);

      // Each initialize was answered by the replica its new session id names...
      const initializes = records.filter(({ issued, session }) => issued !== '' && session === '');
      expect(initializes).toHaveLength(6);
      for (const record of initializes) expect(routeOf(record.issued)).toBe(set.routeAt(record.upstream_addr));
      // ...and every later request of every session reached that replica, first time (no retry).
      const inSession = records.filter((record) => sessionId(record) !== '');
      const elsewhere = inSession.filter((record) => routeOf(sessionId(record)) !== set.routeAt(record.upstream_addr));
      expect(elsewhere).toEqual([]);
      // 499: a standalone stream the client closed at the end.
      expect(inSession.filter(({ status }) => status >= 400 && status !== 499)).toEqual([]);
      console.log(
        `sessions: 6 Streamable HTTP sessions (by replica ${figures(byReplica(set, initializes))}) and 1 legacy SSE session (on ${routeOf(legacySession)}); ${(sessions.length + 1) * calls} tool calls, ${inSession.length} requests in sessions, ${inSession.length - elsewhere.length} on their session's replica, ${elsewhere.length} elsewhere, 0 failed`,
      );
    }, 40000);

    it('resumes a stream nginx cut (a reload) with Last-Event-ID through nginx, nothing lost, nothing twice', async () => {
      const headers = asPrincipal('resume');
      const session = await openSession(set.mcpUrl, headers);
      const run = await cutAndResumePipelineWait(set.mcpUrl, fake, session, 42, {
        headers,
        cut: async () => set.nginx.reload(),
      });
      // Status 200 on resuming: nginx sent it to the session's replica (any other answers 404).
      expectNothingLostNothingTwice(run);
      const progress = (events: typeof run.seen): number =>
        events.filter((event) => (event.data as { method?: string }).method === 'notifications/progress').length;
      console.log(
        `stream cut by an nginx reload: ${progress(run.seen)} progress events before the cut, ${progress(run.replayed)} after resuming with Last-Event-ID on ${routeOf(session)}, the result once, 0 lost, 0 twice`,
      );
    }, 60000);

    it('answers the sessions of a killed replica 404; they initialize again and carry on, the others notice nothing', async () => {
      const clients = await Promise.all(
        Array.from({ length: 6 }, async (_, index) => sdkClient(set, `failover-${index + 1}`)),
      );
      const routes = clients.map((client) => routeOf(sessionOf(client)));
      const victim = routes[0] ?? '';
      expect(routes.filter((route) => route !== victim).length).toBeGreaterThan(0);
      let sent = 0;
      let answered = 0;
      let notFound = 0;
      let reinitialized = 0;
      const call = async (client: Client): Promise<void> => {
        sent += 1;
        await getRepository(client);
        answered += 1;
      };
      for (const client of clients) await call(client);

      await set.replica(victim).process.stop('SIGKILL');

      const survivors = await Promise.all(
        clients.map(async (client, index) => {
          const principal = `failover-${index + 1}`;
          let current = client;
          for (let turn = 0; turn < 3; turn += 1) {
            try {
              await call(current);
            } catch (error) {
              // The session went with its replica: a live one says so clearly, and the client starts again.
              expect(error).toBeInstanceOf(StreamableHTTPError);
              expect((error as StreamableHTTPError).code).toBe(404);
              expect((error as Error).message).toContain('MCP_SESSION_NOT_FOUND');
              expect(routes[index]).toBe(victim);
              notFound += 1;
              await current.close();
              current = await sdkClient(set, principal);
              reinitialized += 1;
              expect(routeOf(sessionOf(current))).not.toBe(victim);
              await call(current);
            }
          }
          return current;
        }),
      );
      const onVictim = routes.filter((route) => route === victim).length;
      expect(notFound).toBe(onVictim);
      expect(reinitialized).toBe(onVictim);
      // The sessions elsewhere are the ones they had.
      survivors.forEach((client, index) => {
        if (routes[index] !== victim) expect(sessionOf(client)).toBe(sessionOf(clients[index] ?? client));
      });
      // Every call a client wanted was answered: the 404s were sent again in a new session.
      expect(answered).toBe(clients.length * 4);
      expect(sent).toBe(answered + notFound);
      await Promise.all(survivors.map(async (client) => client.close()));
      console.log(
        `replica killed (SIGKILL ${victim}): ${clients.length} clients, ${onVictim} of them on it; ${sent} tool calls sent, ${notFound} answered 404 MCP_SESSION_NOT_FOUND then sent again after a new initialize, ${answered} answered, 0 lost; the ${clients.length - onVictim} sessions elsewhere kept their session`,
      );
    }, 40000);
  });

  describe('stateless (MCP_STATELESS=true), round-robin', () => {
    let set: ReplicasBehindNginx;

    beforeAll(async () => {
      set = await ReplicasBehindNginx.start({
        ...replicaEnv(fake, redis),
        MCP_STATELESS: 'true',
        RATE_LIMIT_USER_LIMIT: '1000000',
      });
    }, 60000);

    afterAll(async () => set.stop(), 30000);

    it('spreads the calls of one client over the replicas, all answered', async () => {
      const calls = 30;
      const [, records] = await logged(set, async () => {
        const client = await sdkClient(set, 'round-robin');
        try {
          for (let call = 0; call < calls; call += 1) await getRepository(client);
        } finally {
          await client.close();
        }
      });
      const toolCalls = records.filter(({ method, status }) => method === 'POST' && status === 200);
      const spread = byReplica(set, toolCalls);
      for (const route of ROUTES) expect(spread[route]).toBeGreaterThan(0);
      expect(records.filter(({ session }) => session !== '')).toEqual([]);
      console.log(
        `stateless: ${calls} tool calls of one client (${toolCalls.length} POSTs with its initialize), answered by ${figures(spread)}, 0 failed`,
      );
    }, 30000);

    it('drops no request while the replicas restart one at a time (out of nginx, SIGTERM, back in) under load', async () => {
      let stopping = false;
      let sent = 0;
      const failures: string[] = [];
      const worker = async (principal: string): Promise<void> => {
        const client = await sdkClient(set, principal);
        try {
          while (!stopping) {
            sent += 1;
            await getRepository(client).catch((error: unknown) => failures.push(String(error)));
            // A steady trickle, not a benchmark: the machine is shared.
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        } finally {
          await client.close();
        }
      };
      const [, records] = await logged(set, async () => {
        const load = Promise.all(['load-1', 'load-2', 'load-3'].map(worker));
        // Plain nginx does not watch readiness: each replica is taken out of it first (as Kubernetes
        // takes a stopping pod out of the Service), then stopped, started, and put back once ready.
        for (const route of ROUTES) {
          await set.withdraw(route);
          await set.restart(route);
          await set.readmit(route);
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
        stopping = true;
        await load;
      });
      const failed = records.filter(({ status }) => status >= 500);
      if (failed.length > 0 || failures.length > 0)
        console.warn(
          `nginx error log:\n${set.nginx.errorLog()}\nfailed:\n${failed.map((record) => JSON.stringify(record)).join('\n')}`,
        );
      expect(failures).toEqual([]);
      expect(failed).toEqual([]);
      console.log(
        `rolling restart (each replica in turn: out of nginx, SIGTERM, exit, start, ready, back in): ${sent} tool calls sent by 3 clients, ${sent - failures.length} answered, failed ${failures.length}; ${records.length} requests through nginx (${figures(byReplica(set, records))})`,
      );
    }, 90000);
  });
});
