import { FakeBitbucketProcess, freePort, McpHttpProcess, PrometheusScrape } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { setTimeout as sleep } from 'node:timers/promises';
import packageJson from '../../../package.json';
import { ACCEPT_BOTH, post } from './mcp-http-client';
import { ServersOnFake } from './servers-on-fake';

const API_KEY = 'metrics-e2e-api-key-0123456789';
const WRONG_KEY = 'metrics-e2e-wrong-guess-987654';
const USER = 'metrics-watcher';
const COMMIT = 'e2e0c0ffee';
/** Time limit of hooks and tests that start servers or wait for the breaker. */
const SLOW_MS = 60000;
const BREAKER_RESET_MS = 1500;
const REPO_PATH = '^/2\\.0/repositories/acme/payments-api$';
const GET_REPOSITORY = 'GET /repositories/{workspace}/{repo}';

/** Scrape `metrics` until `done` holds (the breaker moves on its own timer), at most `timeoutMs`. */
async function scrapeUntil(
  url: string,
  done: (scrape: PrometheusScrape) => boolean,
  timeoutMs = 10000,
): Promise<PrometheusScrape> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const scrape = await PrometheusScrape.of(url);
    if (done(scrape) || Date.now() > deadline) return scrape;
    await sleep(100);
  }
}

describe('metrics (the built mcp-http app, real MCP clients, the fake Bitbucket)', () => {
  const suite = new ServersOnFake();
  const start = async (env: Record<string, string> = {}): Promise<McpHttpProcess> => suite.start(env);
  let fake: FakeBitbucketProcess;

  beforeAll(async () => {
    fake = await suite.startFake();
  }, SLOW_MS);

  afterAll(async () => {
    await suite.stopAll();
  }, SLOW_MS);

  describe('each KPI after real traffic', () => {
    let server: McpHttpProcess;
    let metricsUrl: string;
    const auth = { 'X-API-Key': API_KEY };
    /** A connected Streamable HTTP client; its session ends with DELETE (terminateSession). */
    const connect = async (): Promise<{ client: Client; transport: StreamableHTTPClientTransport }> => {
      const transport = new StreamableHTTPClientTransport(server.mcpUrl, { requestInit: { headers: auth } });
      const client = new Client({ name: 'metrics-e2e', version: '1.0.0' });
      await client.connect(transport);
      return { client, transport };
    };
    const getRepository = async (client: Client, repo = 'payments-api'): Promise<CallToolResult> =>
      (await client.callTool({ name: 'get_repository', arguments: { workspace: 'acme', repo } })) as CallToolResult;

    beforeAll(async () => {
      await fake.reset();
      server = await start({
        AUTH_METHODS: 'apikey',
        AUTH_API_KEYS: `${USER}:${API_KEY}`,
        TRUST_PROXY: 'loopback',
        RATE_LIMIT_AUTH_FAILURE_LIMIT: '3',
        BITBUCKET_RETRY_MAX: '1',
        BITBUCKET_RETRY_BASE_DELAY_MS: '10',
        BITBUCKET_BREAKER_VOLUME_THRESHOLD: '4',
        BITBUCKET_BREAKER_ERROR_THRESHOLD_PERCENTAGE: '50',
        BITBUCKET_BREAKER_RESET_TIMEOUT_MS: String(BREAKER_RESET_MS),
        GIT_COMMIT: COMMIT,
        // The breaker's transitions are logged at info and warn.
        LOG_LEVEL: 'info',
      });
      metricsUrl = `${server.url}/metrics`;
    }, SLOW_MS);

    it('serves the Prometheus text format without credentials, with build_info and the default process metrics', async () => {
      const res = await fetch(metricsUrl);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const scrape = await PrometheusScrape.of(metricsUrl);
      expect(scrape.labelSets('bitbucket_mcp_build_info')).toEqual([
        { version: packageJson.version, commit: COMMIT, node: process.version },
      ]);
      expect(scrape.value('bitbucket_mcp_build_info')).toBe(1);
      expect(scrape.type('bitbucket_mcp_process_cpu_seconds_total')).toBe('counter');
      expect(scrape.value('bitbucket_mcp_process_cpu_seconds_total')).toBeGreaterThan(0);
      expect(scrape.value('bitbucket_mcp_process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(scrape.type('bitbucket_mcp_nodejs_eventloop_lag_p99_seconds')).toBe('gauge');
      expect(scrape.value('bitbucket_mcp_circuit_breaker_state', { flavor: 'cloud' })).toBe(0);
    });

    it('counts tool calls (ok and error), upstream calls and HTTP requests by route template, sessions up and down', async () => {
      const before = await PrometheusScrape.of(metricsUrl);
      const { client, transport } = await connect();
      expect((await getRepository(client)).isError).toBeFalsy();
      expect((await getRepository(client)).isError).toBeFalsy();
      expect((await getRepository(client, 'no-such-repo')).isError).toBe(true);
      expect(((await client.callTool({ name: 'no_such_tool', arguments: {} })) as CallToolResult).isError).toBe(true);
      // A streamed answer (progress asked for) goes through the event store.
      await client.callTool(
        { name: 'get_repository', arguments: { workspace: 'acme', repo: 'payments-api' } },
        undefined,
        {
          onprogress: () => undefined,
        },
      );
      const sse = new Client({ name: 'metrics-e2e-sse', version: '1.0.0' });
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the legacy transport's sessions are counted too.
      await sse.connect(new SSEClientTransport(server.sseUrl, { requestInit: { headers: auth } }));
      const open = await PrometheusScrape.of(metricsUrl);
      expect(open.value('bitbucket_mcp_sessions_active', { transport: 'streamable-http' })).toBe(
        before.value('bitbucket_mcp_sessions_active', { transport: 'streamable-http' }) + 1,
      );
      expect(open.value('bitbucket_mcp_sessions_active', { transport: 'sse' })).toBe(1);
      await transport.terminateSession();
      await client.close();
      await sse.close();

      const after = await scrapeUntil(
        metricsUrl,
        (scrape) => scrape.value('bitbucket_mcp_sessions_active', { transport: 'sse' }) === 0,
      );
      const delta = (name: string, labels: Record<string, string> = {}): number =>
        after.value(name, labels) - before.value(name, labels);
      const calls = 'bitbucket_mcp_tool_calls_total';
      expect(delta(calls, { tool: 'get_repository', outcome: 'ok', code: 'OK' })).toBe(3);
      expect(delta(calls, { tool: 'get_repository', outcome: 'error', code: 'BITBUCKET_NOT_FOUND' })).toBe(1);
      expect(delta(calls, { tool: 'unknown', outcome: 'error', code: 'TOOL_UNKNOWN' })).toBe(1);
      expect(
        after.count('bitbucket_mcp_tool_call_duration_seconds', { tool: 'get_repository', outcome: 'ok' }) -
          before.count('bitbucket_mcp_tool_call_duration_seconds', { tool: 'get_repository', outcome: 'ok' }),
      ).toBe(3);
      const upstream = { flavor: 'cloud', operation: GET_REPOSITORY };
      expect(delta('bitbucket_mcp_upstream_requests_total', { ...upstream, status_class: '2xx' })).toBe(3);
      expect(delta('bitbucket_mcp_upstream_requests_total', { ...upstream, status_class: '4xx' })).toBe(1);
      expect(
        after.count('bitbucket_mcp_upstream_request_duration_seconds', upstream) -
          before.count('bitbucket_mcp_upstream_request_duration_seconds', upstream),
      ).toBe(4);
      expect(delta('bitbucket_mcp_sessions_opened_total', { transport: 'streamable-http' })).toBe(1);
      expect(delta('bitbucket_mcp_sessions_opened_total', { transport: 'sse' })).toBe(1);
      expect(
        after.value('bitbucket_mcp_sessions_closed_total', { transport: 'streamable-http', reason: 'client' }),
      ).toBe(1);
      expect(after.value('bitbucket_mcp_sessions_closed_total', { transport: 'sse', reason: 'disconnect' })).toBe(1);
      expect(after.value('bitbucket_mcp_sessions_active', { transport: 'streamable-http' })).toBe(0);
      expect(
        delta('bitbucket_mcp_event_store_operations_total', { store: 'memory', operation: 'store' }),
      ).toBeGreaterThan(0);
      expect(
        delta('bitbucket_mcp_http_requests_total', { route: '/mcp', method: 'POST', status_class: '2xx' }),
      ).toBeGreaterThan(4);
      expect(delta('bitbucket_mcp_http_requests_total', { route: '/mcp', method: 'DELETE', status_class: '2xx' })).toBe(
        1,
      );
      expect(delta('bitbucket_mcp_http_requests_total', { route: '/sse', method: 'GET', status_class: '2xx' })).toBe(1);
      expect(
        delta('bitbucket_mcp_http_requests_total', { route: '/messages', method: 'POST', status_class: '2xx' }),
      ).toBeGreaterThan(0);
      expect(
        after.count('bitbucket_mcp_http_request_duration_seconds', { route: '/mcp', method: 'DELETE' }) -
          before.count('bitbucket_mcp_http_request_duration_seconds', { route: '/mcp', method: 'DELETE' }),
      ).toBe(1);
    });

    it('counts a resumption attempt as an event store replay, and unknown paths as `unmatched`', async () => {
      const before = await PrometheusScrape.of(metricsUrl);
      const { client, transport } = await connect();
      const sessionId = transport.sessionId ?? '';
      const resumed = await fetch(server.mcpUrl, {
        headers: {
          ...auth,
          Accept: ACCEPT_BOTH,
          'Mcp-Session-Id': sessionId,
          'Last-Event-ID': '00000000-0000-4000-8000-000000000000.1',
        },
      });
      await resumed.body?.cancel();
      const lost = await fetch(`${server.url}/repositories/acme/payments-api/${USER}?token=${API_KEY}`);
      expect(lost.status).toBe(404);
      await transport.terminateSession();
      await client.close();
      const after = await PrometheusScrape.of(metricsUrl);
      const replays = { store: 'memory', operation: 'replay' };
      expect(
        after.value('bitbucket_mcp_event_store_operations_total', replays) -
          before.value('bitbucket_mcp_event_store_operations_total', replays),
      ).toBe(1);
      const unmatched = { route: 'unmatched', method: 'GET', status_class: '4xx' };
      expect(
        after.value('bitbucket_mcp_http_requests_total', unmatched) -
          before.value('bitbucket_mcp_http_requests_total', unmatched),
      ).toBe(1);
    });

    it(
      'counts a retry by its reason, then the breaker opening, refusing fast, half-opening and closing again',
      async () => {
        const { client, transport } = await connect();
        const before = await PrometheusScrape.of(metricsUrl);
        // One 503, then the retry gets through.
        await fake.addFault({ method: 'GET', path: REPO_PATH, status: 503, times: 1 });
        expect((await getRepository(client)).isError).toBeFalsy();
        const retried = await PrometheusScrape.of(metricsUrl);
        const retry = { flavor: 'cloud', operation: GET_REPOSITORY, reason: '503' };
        expect(
          retried.value('bitbucket_mcp_upstream_request_retries_total', retry) -
            before.value('bitbucket_mcp_upstream_request_retries_total', retry),
        ).toBe(1);

        // Bitbucket failing: each call fails twice (attempt and retry) until the breaker opens, then fast.
        await fake.clearFaults();
        await fake.addFault({ method: 'GET', path: REPO_PATH, status: 503 });
        let scrape = retried;
        for (let call = 0; call < 20 && scrape.value('bitbucket_mcp_circuit_breaker_state') !== 2; call += 1) {
          await getRepository(client);
          scrape = await PrometheusScrape.of(metricsUrl);
        }
        expect(scrape.value('bitbucket_mcp_circuit_breaker_state', { flavor: 'cloud' })).toBe(2);
        const failFast = await getRepository(client);
        expect(failFast.isError).toBe(true);
        const open = await PrometheusScrape.of(metricsUrl);
        const rejected = { flavor: 'cloud', operation: GET_REPOSITORY, status_class: 'rejected' };
        expect(open.value('bitbucket_mcp_circuit_breaker_rejections_total', { flavor: 'cloud' })).toBeGreaterThan(0);
        expect(open.value('bitbucket_mcp_upstream_requests_total', rejected)).toBeGreaterThan(0);
        expect(
          open.value('bitbucket_mcp_upstream_requests_total', { ...rejected, status_class: '5xx' }),
        ).toBeGreaterThan(before.value('bitbucket_mcp_upstream_requests_total', { ...rejected, status_class: '5xx' }));
        expect(open.value('bitbucket_mcp_circuit_breaker_transitions_total', { flavor: 'cloud', to: 'open' })).toBe(1);

        // Bitbucket back: after the reset timeout one trial call goes through and closes the breaker.
        await fake.clearFaults();
        const halfOpen = await scrapeUntil(
          metricsUrl,
          (s) => s.value('bitbucket_mcp_circuit_breaker_state', { flavor: 'cloud' }) === 1,
        );
        expect(
          halfOpen.value('bitbucket_mcp_circuit_breaker_transitions_total', { flavor: 'cloud', to: 'half-open' }),
        ).toBe(1);
        expect((await getRepository(client)).isError).toBeFalsy();
        const closed = await PrometheusScrape.of(metricsUrl);
        expect(closed.value('bitbucket_mcp_circuit_breaker_state', { flavor: 'cloud' })).toBe(0);
        expect(closed.value('bitbucket_mcp_circuit_breaker_transitions_total', { flavor: 'cloud', to: 'closed' })).toBe(
          1,
        );
        await transport.terminateSession();
        await client.close();
        expect(server.output).toMatch(
          /Circuit breaker for Bitbucket cloud \(http:\/\/127\.0\.0\.1:\d+\) is open: \d+ of \d+ calls failed/,
        );
        expect(server.output).toContain('is closed: the trial call succeeded');
      },
      SLOW_MS,
    );

    it('counts auth failures by method and reason, and 429s by limit, while /metrics itself stays reachable', async () => {
      const guesser = { 'X-Forwarded-For': '198.51.100.23' };
      const ping = { jsonrpc: '2.0', id: 1, method: 'ping' };
      const before = await PrometheusScrape.of(metricsUrl);
      const statuses: number[] = [];
      for (const headers of [guesser, ...[1, 2, 3].map(() => ({ ...guesser, 'X-API-Key': WRONG_KEY }))]) {
        const res = await post(server.mcpUrl, ping, headers);
        await res.body?.cancel();
        statuses.push(res.status);
      }
      const blocked = await post(server.mcpUrl, ping, { ...guesser, ...auth });
      await blocked.body?.cancel();
      expect([...statuses, blocked.status]).toEqual([401, 401, 401, 401, 429]);
      // The blocked address still scrapes: /metrics is neither authenticated nor rate-limited.
      const scraped = await fetch(metricsUrl, { headers: guesser });
      expect(scraped.status).toBe(200);
      const after = await PrometheusScrape.parse(await scraped.text());
      const delta = (name: string, labels: Record<string, string>): number =>
        after.value(name, labels) - before.value(name, labels);
      expect(delta('bitbucket_mcp_auth_failures_total', { method: 'missing', reason: 'missing' })).toBe(1);
      expect(delta('bitbucket_mcp_auth_failures_total', { method: 'apikey', reason: 'invalid' })).toBe(3);
      expect(delta('bitbucket_mcp_rate_limit_refusals_total', { limit: 'auth-failures' })).toBe(1);
      expect(delta('bitbucket_mcp_rate_limit_refusals_total', { limit: 'ip' })).toBe(0);
      expect(delta('bitbucket_mcp_http_requests_total', { route: '/mcp', method: 'POST', status_class: '4xx' })).toBe(
        5,
      );
    });

    it('puts no secret, user id, argument or raw path in any label value', async () => {
      const values = (await PrometheusScrape.of(metricsUrl)).labelValues();
      expect(values.length).toBeGreaterThan(100);
      for (const leak of [
        API_KEY,
        WRONG_KEY,
        USER,
        'ATATT-fake-alice',
        'alice',
        'payments-api',
        'no-such-repo',
        '/repositories/acme',
      ]) {
        expect(values.filter((value) => value.includes(leak))).toEqual([]);
      }
      const routes = new Set(values.filter((value) => value.startsWith('/')));
      expect([...routes].sort()).toEqual(expect.arrayContaining(['/mcp', '/metrics', '/sse', '/messages']));
      for (const route of routes)
        expect(route).toMatch(/^\/(mcp|sse|messages|metrics|health\/(live|ready)|\.well-known\/[a-z-]+)$/);
    });
  });

  describe('METRICS_PORT, with OAuth to Bitbucket', () => {
    let server: McpHttpProcess;
    let management: string;

    beforeAll(async () => {
      await fake.reset();
      const port = await freePort();
      management = `http://127.0.0.1:${port}`;
      server = await McpHttpProcess.start({
        BITBUCKET_URL: fake.cloudUrl,
        BITBUCKET_OAUTH_CLIENT_ID: 'fake-oauth-client-id',
        BITBUCKET_OAUTH_CLIENT_SECRET: 'fake-oauth-client-secret',
        METRICS_PORT: String(port),
        LOG_LEVEL: 'info',
      });
      suite.adopt(server);
    }, SLOW_MS);

    it('serves /metrics on the management listener only: the public one answers 404', async () => {
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
      expect((await fetch(`${management}/elsewhere`)).status).toBe(404);
      const scrape = await PrometheusScrape.of(`${management}/metrics`);
      expect(scrape.value('bitbucket_mcp_build_info', { commit: 'unknown' })).toBe(1);
      // The public 404 itself is counted, as unmatched.
      expect(scrape.value('bitbucket_mcp_http_requests_total', { route: 'unmatched', status_class: '4xx' })).toBe(1);
    });

    it('counts a token refresh Bitbucket asked for by refusing the token, and logs it', async () => {
      const transport = new StreamableHTTPClientTransport(server.mcpUrl);
      const client = new Client({ name: 'metrics-oauth', version: '1.0.0' });
      await client.connect(transport);
      const call = async (): Promise<CallToolResult> =>
        (await client.callTool({ name: 'get_current_user', arguments: {} })) as CallToolResult;
      expect((await call()).isError).toBeFalsy();
      expect(await fake.admin('POST', 'oauth/expire-tokens')).toEqual({ expired: 1 });
      expect((await call()).isError).toBeFalsy();
      await transport.terminateSession();
      await client.close();
      const scrape = await PrometheusScrape.of(`${management}/metrics`);
      expect(
        scrape.value('bitbucket_mcp_upstream_token_refreshes_total', { flavor: 'cloud', reason: 'rejected' }),
      ).toBe(1);
      expect(scrape.value('bitbucket_mcp_upstream_token_refreshes_total', { flavor: 'cloud', reason: 'expired' })).toBe(
        0,
      );
      expect(server.output).toContain('Bitbucket cloud OAuth token refreshed: Bitbucket refused the token (401)');
    });
  });

  it(
    'METRICS_ENABLED=false: no /metrics at all',
    async () => {
      const server = await start({ METRICS_ENABLED: 'false' });
      const res = await fetch(`${server.url}/metrics`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('bitbucket_mcp_');
    },
    SLOW_MS,
  );
});
