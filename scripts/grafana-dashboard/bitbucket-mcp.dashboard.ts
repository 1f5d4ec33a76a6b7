import type { DashboardSpec, QuerySpec } from './dashboard-spec';
import { SERVICE_LEVEL_1 } from './service-level-1';

/** `bitbucket_mcp_<name>{job=~"$job", instance=~"$instance", <matchers>}`: one metric on the selected replicas. */
const metric = (name: string, matchers = ''): string =>
  `bitbucket_mcp_${name}{job=~"$job", instance=~"$instance"${matchers === '' ? '' : `, ${matchers}`}}`;
const rate = (name: string, matchers = ''): string => `rate(${metric(name, matchers)}[$__rate_interval])`;
const query = (expr: string, legend: string): QuerySpec => ({ expr, legend });

const MCP_POST = 'route="/mcp", method="POST"';
/** Tool outcomes that say this server or Bitbucket failed, not the caller (the alert's list). */
const FAILURE_CODES =
  'outcome="error", code=~"INTERNAL|TOOL_TIMEOUT|BITBUCKET_UPSTREAM_.*|BITBUCKET_UNAUTHORIZED|BITBUCKET_RATE_LIMITED"';
/** Upstream answers that are failures: 5xx and no answer at all (timeout, network, tls…). */
const UPSTREAM_FAILURES = 'status_class!~"2xx|3xx|4xx"';

/** `part / whole` where no `part` series means none happened: 0 %, not "no data". */
const ratio = (part: string, whole: string): string => `(sum(${part}) or vector(0)) / sum(${whole})`;
const quantile = (q: number, histogram: string, by: string[] = []): string =>
  `histogram_quantile(${q}, sum by (${['le', ...by].join(', ')}) (rate(${histogram}[$__rate_interval])))`;
/** The share of POST /mcp answers slower than `le` over the last hour, as a multiple of what the objective allows. */
const burnRate = (le: number, budget: number): string =>
  `(1 - sum(rate(${metric('http_request_duration_seconds_bucket', `${MCP_POST}, le="${le}"`)}[1h])) / sum(rate(${metric('http_request_duration_seconds_count', MCP_POST)}[1h]))) / ${budget}`;

const BREAKER_STATES = [
  {
    type: 'value',
    options: {
      '0': { text: 'closed', color: 'green', index: 0 },
      '1': { text: 'half-open', color: 'orange', index: 1 },
      '2': { text: 'open', color: 'red', index: 2 },
    },
  },
] as const;
const BREAKER_COLOURS = [
  { color: 'orange', value: 1 },
  { color: 'red', value: 2 },
];
const SLA_LINES = [
  { color: 'orange', value: SERVICE_LEVEL_1.p95Seconds },
  { color: 'red', value: SERVICE_LEVEL_1.p99Seconds },
];
const ms = (seconds: number): number => Math.round(seconds * 1000);

/** The dashboard of deploy/grafana/dashboards/bitbucket-mcp.json; its panels are explained in docs/operations.md#dashboard. */
export const BITBUCKET_MCP_DASHBOARD: DashboardSpec = {
  uid: 'bitbucket-mcp',
  title: 'Bitbucket MCP server',
  description:
    'Traffic, latency against service level 1, errors, tools, Bitbucket and its breakers, rate limits, sessions, event store and process of the Bitbucket MCP server (docs/operations.md#dashboard).',
  tags: ['bitbucket-mcp', 'mcp'],
  dataSourceUid: 'bitbucket-mcp-prometheus',
  job: 'bitbucket-mcp',
  instanceMetric: 'bitbucket_mcp_build_info',
  sections: [
    {
      title: 'Overview',
      panels: [
        {
          kind: 'stat',
          title: 'Replicas scraped',
          description: 'Replicas Prometheus scrapes successfully. Normal: as many as you run.',
          unit: 'none',
          width: 4,
          queries: [query('sum(up{job=~"$job", instance=~"$instance"})', 'replicas')],
        },
        {
          kind: 'stat',
          title: 'HTTP requests',
          description: 'Requests answered per second, every route and status. Normal: your usual traffic.',
          unit: 'reqps',
          width: 4,
          queries: [query(`sum(${rate('http_requests_total')})`, 'requests')],
        },
        {
          kind: 'stat',
          title: 'Tool calls',
          description: 'Tool calls answered per second, whatever their outcome.',
          unit: 'reqps',
          width: 4,
          queries: [query(`sum(${rate('tool_calls_total')})`, 'tool calls')],
        },
        {
          kind: 'stat',
          title: 'HTTP 5xx',
          description: 'Share of HTTP answers that are server errors. Normal: 0 %; the alert fires above 5 %.',
          unit: 'percentunit',
          width: 4,
          queries: [
            query(ratio(rate('http_requests_total', 'status_class="5xx"'), rate('http_requests_total')), '5xx'),
          ],
          thresholds: [
            { color: 'orange', value: 0.01 },
            { color: 'red', value: 0.05 },
          ],
        },
        {
          kind: 'stat',
          title: 'Open sessions',
          description: 'MCP sessions open on the selected replicas, both transports.',
          unit: 'none',
          width: 4,
          queries: [query(`sum(${metric('sessions_active')})`, 'sessions')],
        },
        {
          kind: 'stat',
          title: 'Bitbucket breaker',
          description: 'The worst circuit breaker state over the selected replicas. Normal: closed.',
          unit: 'none',
          width: 4,
          queries: [query(`max(${metric('circuit_breaker_state')})`, 'breaker')],
          thresholds: BREAKER_COLOURS,
          mappings: BREAKER_STATES,
        },
      ],
    },
    {
      title: 'Traffic',
      panels: [
        {
          kind: 'timeseries',
          title: 'HTTP requests by route',
          description: 'Requests per second by route template and method (/mcp, /sse, /messages, probes, /metrics).',
          unit: 'reqps',
          width: 12,
          queries: [query(`sum by (method, route) (${rate('http_requests_total')})`, '{{method}} {{route}}')],
          stacked: true,
        },
        {
          kind: 'timeseries',
          title: 'HTTP answers by status class',
          description: 'Answers per second by status class. Normal: 2xx, some 4xx (401 challenges, 429s), no 5xx.',
          unit: 'reqps',
          width: 12,
          queries: [query(`sum by (status_class) (${rate('http_requests_total')})`, '{{status_class}}')],
          stacked: true,
        },
      ],
    },
    {
      title: 'Latency (service level 1)',
      panels: [
        {
          kind: 'timeseries',
          title: 'MCP answer latency against service level 1',
          description: `p50, p95 and p99 of POST /mcp answers; dashed lines at the service level's p95 ${ms(SERVICE_LEVEL_1.p95Seconds)} ms and p99 ${ms(SERVICE_LEVEL_1.p99Seconds)} ms (docs/SLA.md).`,
          unit: 's',
          width: 12,
          queries: [0.5, 0.95, 0.99].map((q) =>
            query(quantile(q, metric('http_request_duration_seconds_bucket', MCP_POST)), `p${Math.round(q * 100)}`),
          ),
          thresholds: SLA_LINES,
        },
        {
          kind: 'timeseries',
          title: 'Latency error budget burn rate (1 h)',
          description:
            'How fast the last hour spends each objective’s budget (1 = exactly on budget). Dashed: 6 (the slow-burn alert) and 14.4 (the fast-burn page).',
          unit: 'suffix:×',
          width: 12,
          queries: [
            query(
              burnRate(SERVICE_LEVEL_1.p95Seconds, SERVICE_LEVEL_1.p95Budget),
              `over ${ms(SERVICE_LEVEL_1.p95Seconds)} ms (p95 objective)`,
            ),
            query(
              burnRate(SERVICE_LEVEL_1.p99Seconds, SERVICE_LEVEL_1.p99Budget),
              `over ${ms(SERVICE_LEVEL_1.p99Seconds)} ms (p99 objective)`,
            ),
          ],
          thresholds: [
            { color: 'orange', value: 6 },
            { color: 'red', value: 14.4 },
          ],
        },
        {
          kind: 'timeseries',
          title: 'Tool call latency by tool (p95)',
          description: 'p95 time of each tool inside the server, Bitbucket calls included; transport excluded.',
          unit: 's',
          width: 24,
          queries: [query(quantile(0.95, metric('tool_call_duration_seconds_bucket'), ['tool']), '{{tool}}')],
        },
      ],
    },
    {
      title: 'Errors',
      panels: [
        {
          kind: 'timeseries',
          title: 'Tool errors by code',
          description:
            'Tool calls answered with an error, by code. Caller mistakes (TOOL_INVALID_ARGUMENTS, BITBUCKET_NOT_FOUND) are normal in small numbers.',
          unit: 'reqps',
          width: 12,
          queries: [query(`sum by (code) (${rate('tool_calls_total', 'outcome="error"')})`, '{{code}}')],
          stacked: true,
        },
        {
          kind: 'timeseries',
          title: 'Error ratios',
          description:
            'HTTP 5xx, tool calls failing on the server or Bitbucket side, and failed calls to Bitbucket, as shares. Dashed: 5 %.',
          unit: 'percentunit',
          width: 12,
          queries: [
            query(ratio(rate('http_requests_total', 'status_class="5xx"'), rate('http_requests_total')), 'HTTP 5xx'),
            query(ratio(rate('tool_calls_total', FAILURE_CODES), rate('tool_calls_total')), 'tool failures'),
            query(
              ratio(rate('upstream_requests_total', UPSTREAM_FAILURES), rate('upstream_requests_total')),
              'Bitbucket failures',
            ),
          ],
          thresholds: [{ color: 'red', value: 0.05 }],
        },
      ],
    },
    {
      title: 'Tools',
      panels: [
        {
          kind: 'timeseries',
          title: 'Tool calls by tool',
          description: 'Tool calls per second by tool, any outcome.',
          unit: 'reqps',
          width: 16,
          queries: [query(`sum by (tool) (${rate('tool_calls_total')})`, '{{tool}}')],
          stacked: true,
        },
        {
          kind: 'bargauge',
          title: 'Most called tools',
          description: 'The ten tools called most over the dashboard’s time range.',
          unit: 'short',
          width: 8,
          queries: [query(`topk(10, sum by (tool) (increase(${metric('tool_calls_total')}[$__range])))`, '{{tool}}')],
        },
      ],
    },
    {
      title: 'Bitbucket',
      panels: [
        {
          kind: 'timeseries',
          title: 'Calls to Bitbucket by status class',
          description:
            'Calls per second to Bitbucket by flavor and status class, or failure kind when there was no answer (timeout, network, tls, rejected).',
          unit: 'reqps',
          width: 12,
          queries: [
            query(`sum by (flavor, status_class) (${rate('upstream_requests_total')})`, '{{flavor}} {{status_class}}'),
          ],
          stacked: true,
        },
        {
          kind: 'timeseries',
          title: 'Bitbucket latency by operation (p95)',
          description: 'p95 time of each Bitbucket operation, retries excluded (each attempt counts).',
          unit: 's',
          width: 12,
          queries: [
            query(
              quantile(0.95, metric('upstream_request_duration_seconds_bucket'), ['flavor', 'operation']),
              '{{flavor}} {{operation}}',
            ),
          ],
        },
        {
          kind: 'timeseries',
          title: 'Retries by reason',
          description: 'Retried calls to Bitbucket per second, by reason (5xx, 429, timeout…). Normal: near zero.',
          unit: 'reqps',
          width: 8,
          queries: [
            query(`sum by (flavor, reason) (${rate('upstream_request_retries_total')})`, '{{flavor}} {{reason}}'),
          ],
        },
        {
          kind: 'timeseries',
          title: 'Circuit breaker state',
          description: 'Each replica’s breaker per flavor: 0 closed, 1 half-open, 2 open. Normal: 0 throughout.',
          unit: 'none',
          width: 8,
          queries: [query(`max by (instance, flavor) (${metric('circuit_breaker_state')})`, '{{instance}} {{flavor}}')],
          thresholds: BREAKER_COLOURS,
          mappings: BREAKER_STATES,
          steps: true,
        },
        {
          kind: 'timeseries',
          title: 'Breaker transitions and fail-fast rejections',
          description: 'Breaker transitions per second by target state, and calls refused at once while open.',
          unit: 'ops',
          width: 8,
          queries: [
            query(`sum by (flavor, to) (${rate('circuit_breaker_transitions_total')})`, '{{flavor}} to {{to}}'),
            query(`sum by (flavor) (${rate('circuit_breaker_rejections_total')})`, '{{flavor}} rejected'),
          ],
        },
      ],
    },
    {
      title: 'Rate limits and authentication',
      panels: [
        {
          kind: 'timeseries',
          title: 'Rate-limit refusals by limit',
          description: '429 answers per second by limit (ip, user, write-tools, auth-failures). Normal: near zero.',
          unit: 'reqps',
          width: 12,
          queries: [query(`sum by (limit) (${rate('rate_limit_refusals_total')})`, '{{limit}}')],
          stacked: true,
        },
        {
          kind: 'timeseries',
          title: 'Refused credentials by method and reason',
          description:
            'Refused client credentials per second. `missing` (clients learning to authenticate) and `expired` are routine.',
          unit: 'reqps',
          width: 12,
          queries: [query(`sum by (method, reason) (${rate('auth_failures_total')})`, '{{method}} {{reason}}')],
          stacked: true,
        },
      ],
    },
    {
      title: 'Sessions',
      panels: [
        {
          kind: 'timeseries',
          title: 'Open sessions by transport',
          description: 'Open MCP sessions by transport (streamable-http, sse), all selected replicas together.',
          unit: 'none',
          width: 12,
          queries: [query(`sum by (transport) (${metric('sessions_active')})`, '{{transport}}')],
          stacked: true,
        },
        {
          kind: 'timeseries',
          title: 'Sessions opened and closed',
          description: 'Sessions opened per second by transport, and closed by reason (client, idle, shutdown…).',
          unit: 'ops',
          width: 12,
          queries: [
            query(`sum by (transport) (${rate('sessions_opened_total')})`, 'opened {{transport}}'),
            query(`sum by (reason) (${rate('sessions_closed_total')})`, 'closed: {{reason}}'),
          ],
        },
      ],
    },
    {
      title: 'Event store',
      panels: [
        {
          kind: 'timeseries',
          title: 'Event store operations',
          description: 'Events stored and replays per second, by store (memory, redis).',
          unit: 'ops',
          width: 12,
          queries: [
            query(`sum by (store, operation) (${rate('event_store_operations_total')})`, '{{store}} {{operation}}'),
          ],
        },
        {
          kind: 'timeseries',
          title: 'Event store failures and fallbacks',
          description: 'Operations that failed or timed out, and those answered by the degraded path. Normal: zero.',
          unit: 'ops',
          width: 12,
          queries: [
            query(
              `sum by (store, operation) (${rate('event_store_failures_total')})`,
              'failed {{store}} {{operation}}',
            ),
            query(
              `sum by (store, operation) (${rate('event_store_fallbacks_total')})`,
              'fallback {{store}} {{operation}}',
            ),
          ],
        },
      ],
    },
    {
      title: 'Process',
      panels: [
        {
          kind: 'timeseries',
          title: 'CPU',
          description: 'CPU time per second of each replica (100 % is one core).',
          unit: 'percentunit',
          width: 8,
          queries: [query(rate('process_cpu_seconds_total'), '{{instance}}')],
        },
        {
          kind: 'timeseries',
          title: 'Memory',
          description: 'Resident memory and used V8 heap of each replica. Normal: flat after warm-up.',
          unit: 'bytes',
          width: 8,
          queries: [
            query(metric('process_resident_memory_bytes'), '{{instance}} resident'),
            query(metric('nodejs_heap_size_used_bytes'), '{{instance}} heap used'),
          ],
        },
        {
          kind: 'timeseries',
          title: 'Event loop lag (p99)',
          description: 'p99 event loop delay of each replica. Normal: a few ms; dashed: 100 ms, the alert.',
          unit: 's',
          width: 8,
          queries: [query(metric('nodejs_eventloop_lag_p99_seconds'), '{{instance}}')],
          thresholds: [{ color: 'red', value: 0.1 }],
        },
        {
          kind: 'timeseries',
          title: 'Open file descriptors',
          description: 'Sockets and files each replica holds open; keep it below `ulimit -n` and HTTP_MAX_CONNECTIONS.',
          unit: 'short',
          width: 12,
          queries: [query(metric('process_open_fds'), '{{instance}}')],
        },
        {
          kind: 'stat',
          title: 'Versions',
          description: 'Replicas by version, commit and Node.js. Normal: one line, except during a rollout.',
          unit: 'none',
          width: 12,
          queries: [
            query(
              `count by (version, commit, node) (${metric('build_info')})`,
              '{{version}} ({{commit}}), Node {{node}}',
            ),
          ],
          showNames: true,
        },
      ],
    },
  ],
};
