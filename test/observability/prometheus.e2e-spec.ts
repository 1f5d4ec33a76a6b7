import {
  FakeBitbucketProcess,
  freePort,
  McpHttpProcess,
  PrometheusProcess,
  RedisServerProcess,
  REPO_ROOT,
  type PrometheusSeries,
} from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import type { GrafanaDashboard } from '../../scripts/grafana-dashboard/grafana-dashboard.model';
import { renderGrafanaDashboard } from '../../scripts/grafana-dashboard/render-grafana-dashboard';
import { bitbucketEnv } from '../tool-suite/bitbucket-env';
import { dashboardQueries, type DashboardQuery } from './dashboard-queries';
import { substituteGrafanaVariables } from './grafana-variables';
import { promqlMetricNames } from './promql-metric-names';

const run = promisify(execFile);
const PROMETHEUS_DIR = join(REPO_ROOT, 'deploy', 'prometheus');
const TOKEN = 'prometheus-e2e-token-0123456789';
const AUTHORIZED = { requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } } };
const BREAKER_RESET_MS = 300;
/** Time limit of the hooks: installing Debian's prometheus (first run only), then four processes. */
const SETUP_MS = 180000;
/** How long Prometheus may take to hold two scrapes of every series the traffic created. */
const SCRAPES_MS = 20000;
/** What Grafana would put in place of the dashboard's variables, for a 1 s scrape interval. */
const GRAFANA_VALUES = {
  job: 'bitbucket-mcp',
  instance: '.*',
  __rate_interval: '15s',
  __range: '5m',
};

interface Rule {
  readonly name: string;
  readonly query: string;
  readonly health: string;
  readonly lastError?: string;
  readonly type: 'alerting' | 'recording';
}

/** The repository's prometheus.yml, its job pointed at `target`, scraped every second, with the repository's rules. */
function prometheusConfig(target: string): string {
  const config = parse(readFileSync(join(PROMETHEUS_DIR, 'prometheus.yml'), 'utf8')) as {
    global: Record<string, string>;
    rule_files: string[];
    scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
  };
  config.global.scrape_interval = '1s';
  config.global.evaluation_interval = '1s';
  config.rule_files = config.rule_files.map((file) => join(PROMETHEUS_DIR, file));
  for (const job of config.scrape_configs) job.static_configs = [{ targets: [target] }];
  return stringify(config);
}

/** Why `query` fails the acceptance over the traffic window, or undefined when it answered and showed the traffic. */
async function shortcoming(
  prometheus: PrometheusProcess,
  query: DashboardQuery,
  window: { startMs: number; endMs: number },
  instant: boolean,
): Promise<string | undefined> {
  const expr = substituteGrafanaVariables(query.expr, GRAFANA_VALUES);
  if (query.kind === 'label_values') {
    // Grafana's label_values(<selector>, <label>), as Prometheus's label values API answers it.
    const [, selector = '', label = ''] = /^label_values\((.+),\s*(\w+)\)$/.exec(expr) ?? [];
    const answer = await prometheus.api<string[]>(`label/${label}/values`, { 'match[]': selector });
    if (answer.status !== 'success') return `${answer.errorType ?? ''}: ${answer.error ?? ''}`;
    return (answer.data ?? []).length > 0 ? undefined : 'no values';
  }
  const answer = instant
    ? await prometheus.query(expr)
    : await prometheus.queryRange(expr, window.startMs, window.endMs);
  if (answer.status !== 'success') return `${answer.errorType ?? ''}: ${answer.error ?? ''}`;
  const series = answer.data?.result ?? [];
  if (series.length === 0) return 'no data';
  // Series at zero from start to end would pass "has data" without the traffic ever reaching them.
  return series.some(moved) ? undefined : `only zeros or NaN: ${JSON.stringify(series).slice(0, 300)}`;
}

/** Whether a series holds one finite, non-zero value. */
function moved(series: PrometheusSeries): boolean {
  const values = series.values ?? (series.value === undefined ? [] : [series.value]);
  return values.some(([, value]) => Number.isFinite(Number(value)) && Number(value) !== 0);
}

/** Resolves once Prometheus has scraped the server: traffic after that shows in rates. */
async function firstScrape(prometheus: PrometheusProcess): Promise<void> {
  const deadline = Date.now() + SCRAPES_MS;
  while ((await prometheus.query('up{job="bitbucket-mcp"} == 1')).data?.result.length !== 1) {
    if (Date.now() > deadline) throw new Error(`no successful scrape after ${SCRAPES_MS} ms\n${prometheus.log}`);
    await sleep(200);
  }
}

/** Ignores how `call` ends: the traffic includes calls that must fail (refusals, errors, a breaker). */
async function settle(call: Promise<unknown>): Promise<void> {
  await call.catch(() => undefined);
}

/**
 * One round of traffic that moves every series the dashboard shows: tool calls that succeed and
 * fail, two slowed by the fake past both latency lines, a retry, a write refused by its limit (429),
 * refused credentials, a legacy SSE session, a session refused at MCP_MAX_SESSIONS (503), the
 * breaker open for a few scrapes under an outage of the fake and closed again, answers streamed into
 * Redis, then (Redis killed) the event store's fallback, and a session closed by its client.
 */
async function driveTraffic(
  server: McpHttpProcess,
  fake: FakeBitbucketProcess,
  redis: RedisServerProcess,
  round: number,
): Promise<void> {
  const transport = new StreamableHTTPClientTransport(server.mcpUrl, AUTHORIZED);
  const client = new Client({ name: 'prometheus-e2e', version: '1.0.0' });
  await client.connect(transport);
  const currentUser = async (): Promise<void> => settle(client.callTool({ name: 'get_current_user', arguments: {} }));
  // A progress token makes the answer an SSE stream, whose events go to the event store.
  const streamed = async (): Promise<void> =>
    settle(
      client.callTool({ name: 'list_users', arguments: { workspace: 'acme' } }, undefined, {
        onprogress: () => undefined,
      }),
    );

  await client.listTools();
  for (let n = 0; n < 3; n += 1) await currentUser();
  await streamed();
  await settle(client.callTool({ name: 'get_repository', arguments: { workspace: 'acme', repo: 'no-such-repo' } }));
  await settle(client.callTool({ name: 'get_repository', arguments: {} }));
  await fake.addFault({ path: '^/2\\.0/user$', latencyMs: 100, times: 2 });
  for (let n = 0; n < 2; n += 1) await currentUser();
  await fake.addFault({ path: '^/2\\.0/user$', status: 503, times: 1 });
  await currentUser();
  const branch = (name: string) => ({
    name: 'create_branch',
    arguments: { workspace: 'acme', repo: 'payments-api', name, startPoint: 'main' },
  });
  await settle(client.callTool(branch(`prometheus-e2e-${round}-1`)));
  await settle(client.callTool(branch(`prometheus-e2e-${round}-2`)));

  for (const headers of [{ Authorization: 'Bearer not-a-valid-token-0123456789' }, {}]) {
    const refused = await fetch(server.mcpUrl, { method: 'POST', headers, body: '{}' });
    await refused.body?.cancel();
  }

  const legacy = new Client({ name: 'prometheus-e2e-sse', version: '1.0.0' });
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the legacy transport's sessions are on the dashboard too.
  await legacy.connect(new SSEClientTransport(server.sseUrl, AUTHORIZED));
  await settle(legacy.callTool({ name: 'get_current_user', arguments: {} }));
  // Both sessions of MCP_MAX_SESSIONS are taken: one more is refused with 503.
  const third = new Client({ name: 'prometheus-e2e-third', version: '1.0.0' });
  await settle(third.connect(new StreamableHTTPClientTransport(server.mcpUrl, AUTHORIZED)));
  await legacy.close();

  // Calls spread over a few scrapes, so Prometheus sees the breaker open.
  await fake.addFault({ path: '^/2\\.0/', status: 503 });
  for (let n = 0; n < 10; n += 1) {
    await currentUser();
    await sleep(BREAKER_RESET_MS);
  }
  await fake.clearFaults();
  await sleep(BREAKER_RESET_MS + 200);
  for (let n = 0; n < 2; n += 1) await currentUser();

  await redis.kill();
  for (let n = 0; n < 2; n += 1) await streamed();

  await transport.terminateSession();
  await client.close();
}

describe('Prometheus on the dashboard and the alert rules (a real prometheus scraping the built server)', () => {
  const stops: (() => Promise<unknown>)[] = [];
  let prometheus: PrometheusProcess;
  let dashboard: GrafanaDashboard;
  let trafficStartMs: number;

  beforeAll(async () => {
    await run('bash', [join(REPO_ROOT, 'scripts', 'ensure-prometheus.sh')], { cwd: REPO_ROOT });
    dashboard = JSON.parse(renderGrafanaDashboard()) as GrafanaDashboard;
    const redis = await RedisServerProcess.start();
    stops.push(async () => redis.kill());
    const fake = await FakeBitbucketProcess.start();
    stops.push(async () => fake.stop());
    const metricsPort = await freePort();
    const server = await McpHttpProcess.start({
      ...bitbucketEnv(fake, 'cloud'),
      AUTH_METHODS: 'bearer',
      AUTH_BEARER_TOKENS: `alice:${TOKEN}`,
      METRICS_PORT: String(metricsPort),
      REDIS_URL: redis.url,
      MCP_EVENT_STORE_TIMEOUT_MS: '100',
      MCP_MAX_SESSIONS: '2',
      RATE_LIMIT_WRITE_LIMIT: '1',
      BITBUCKET_RETRY_MAX: '1',
      BITBUCKET_RETRY_BASE_DELAY_MS: '10',
      BITBUCKET_BREAKER_VOLUME_THRESHOLD: '4',
      BITBUCKET_BREAKER_RESET_TIMEOUT_MS: String(BREAKER_RESET_MS),
    });
    stops.push(async () => server.stop());
    // A counter first seen at 1 shows no rate: a first round creates every series, the second moves them.
    await driveTraffic(server, fake, redis, 1);
    await redis.restart();
    prometheus = await PrometheusProcess.start(prometheusConfig(`127.0.0.1:${metricsPort}`));
    stops.push(async () => prometheus.stop());
    await firstScrape(prometheus);
    trafficStartMs = Date.now();
    await driveTraffic(server, fake, redis, 2);
  }, SETUP_MS);

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
  }, SETUP_MS);

  it('promtool accepts the configuration and the rules, and the rules pass their unit tests (alerts.test.yml)', async () => {
    for (const args of [
      ['check', 'config', 'prometheus.yml'],
      ['check', 'rules', 'alerts.yml'],
      ['test', 'rules', 'alerts.test.yml'],
    ]) {
      const { stdout } = await run('promtool', args, { cwd: PROMETHEUS_DIR });
      expect(stdout).toContain('SUCCESS');
    }
  });

  it(
    'answers every dashboard query with data that shows the traffic',
    async () => {
      const queries = dashboardQueries(dashboard);
      const instant = new Set(
        dashboard.panels.flatMap((panel) =>
          panel.type === 'row'
            ? []
            : panel.targets
                .filter((target) => target.instant)
                .map((target) => `panel "${panel.title}" ${target.refId}`),
        ),
      );
      expect(queries.length).toBeGreaterThan(30);
      const deadline = Date.now() + SCRAPES_MS;
      let unanswered: { where: string; expr: string; why: string }[];
      do {
        unanswered = [];
        const window = { startMs: trafficStartMs, endMs: Date.now() };
        for (const query of queries) {
          const why = await shortcoming(prometheus, query, window, instant.has(query.where));
          if (why !== undefined) unanswered.push({ where: query.where, expr: query.expr, why });
        }
        if (unanswered.length > 0) await sleep(500);
      } while (unanswered.length > 0 && Date.now() < deadline);
      expect(unanswered).toEqual([]);
    },
    SCRAPES_MS + 10000,
  );

  it('evaluates every rule of alerts.yml without error, the latency objectives on real buckets', async () => {
    const rules = (await prometheus.api<{ groups: { rules: Rule[] }[] }>('rules')).data?.groups.flatMap(
      (group) => group.rules,
    );
    expect(rules?.length).toBeGreaterThan(20);
    for (const rule of rules ?? []) {
      const answer = await prometheus.query(rule.query);
      expect({ rule: rule.name, status: answer.status, error: answer.error }).toEqual({
        rule: rule.name,
        status: 'success',
        error: undefined,
      });
      // Evaluated by Prometheus itself for a while by now.
      expect({ rule: rule.name, health: rule.health, lastError: rule.lastError ?? '' }).toEqual({
        rule: rule.name,
        health: 'ok',
        lastError: '',
      });
      if (rule.type === 'recording' && rule.name.endsWith('_rate5m')) {
        expect({ rule: rule.name, series: (answer.data?.result ?? []).length }).toEqual({ rule: rule.name, series: 1 });
      }
    }
  });

  it('reads only metric names the server exposes, in the dashboard and in the alerts', async () => {
    const scraped = new Set((await prometheus.api<string[]>('label/__name__/values')).data);
    const rules = parse(readFileSync(join(PROMETHEUS_DIR, 'alerts.yml'), 'utf8')) as {
      groups: { rules: { record?: string; expr: string }[] }[];
    };
    const recorded = rules.groups.flatMap((group) =>
      group.rules.flatMap(({ record }) => (record === undefined ? [] : [record])),
    );
    const read = [
      ...rules.groups.flatMap((group) => group.rules.map(({ expr }) => expr)),
      ...dashboardQueries(dashboard).map(({ expr }) => expr.replace(/^label_values\((.+),\s*\w+\)$/, '$1')),
    ].flatMap(promqlMetricNames);
    const missing = [...new Set(read)].filter((name) => !scraped.has(name) && !recorded.includes(name));
    expect(missing).toEqual([]);
  });
});
