import { makeCounterProvider, makeGaugeProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import { METRIC } from './metric-names';

/** Latency buckets in seconds; 0.035 and 0.06 are SLA lines (docs/SLA.md), so their ratios are exact. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.035, 0.05, 0.06, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const HTTP = ['route', 'method', 'status_class'];
const UPSTREAM = ['flavor', 'operation', 'status_class'];
const EVENT_STORE = ['store', 'operation'];

/** Every metric of docs/operations.md (Metrics), each injectable with @InjectMetric(name). */
export const METRIC_PROVIDERS = [
  makeCounterProvider({ name: METRIC.httpRequests, help: 'HTTP requests answered', labelNames: HTTP }),
  makeHistogramProvider({
    name: METRIC.httpRequestDuration,
    help: 'Time to answer an HTTP request (to the end of the answer; a stream counts until it ends)',
    labelNames: HTTP,
    buckets: LATENCY_BUCKETS,
  }),
  makeGaugeProvider({ name: METRIC.sessionsActive, help: 'Open MCP sessions', labelNames: ['transport'] }),
  makeCounterProvider({ name: METRIC.sessionsOpened, help: 'MCP sessions opened', labelNames: ['transport'] }),
  makeCounterProvider({
    name: METRIC.sessionsClosed,
    help: 'MCP sessions closed, by why',
    labelNames: ['transport', 'reason'],
  }),
  makeCounterProvider({
    name: METRIC.toolCalls,
    help: 'Answered tools/call, by tool, outcome and code',
    labelNames: ['tool', 'outcome', 'code'],
  }),
  makeHistogramProvider({
    name: METRIC.toolCallDuration,
    help: 'Time to answer a tools/call',
    labelNames: ['tool', 'outcome'],
    buckets: LATENCY_BUCKETS,
  }),
  makeCounterProvider({ name: METRIC.upstreamRequests, help: 'Calls to Bitbucket', labelNames: UPSTREAM }),
  makeHistogramProvider({
    name: METRIC.upstreamRequestDuration,
    help: 'Time of one call to Bitbucket (one attempt)',
    labelNames: UPSTREAM,
    buckets: LATENCY_BUCKETS,
  }),
  makeCounterProvider({
    name: METRIC.upstreamRetries,
    help: 'Retries of calls to Bitbucket, by what the failed attempt got',
    labelNames: ['flavor', 'operation', 'reason'],
  }),
  makeCounterProvider({
    name: METRIC.upstreamTokenRefreshes,
    help: 'OAuth tokens fetched anew for Bitbucket',
    labelNames: ['flavor', 'reason'],
  }),
  makeGaugeProvider({
    name: METRIC.breakerState,
    help: 'Circuit breaker on Bitbucket: 0 closed, 1 half-open, 2 open',
    labelNames: ['flavor'],
  }),
  makeCounterProvider({
    name: METRIC.breakerTransitions,
    help: 'Circuit breaker transitions, by the state entered',
    labelNames: ['flavor', 'to'],
  }),
  makeCounterProvider({
    name: METRIC.breakerRejections,
    help: 'Calls to Bitbucket refused at once by the open circuit breaker',
    labelNames: ['flavor'],
  }),
  makeCounterProvider({
    name: METRIC.rateLimitRefusals,
    help: 'Requests refused by a rate limit (429)',
    labelNames: ['limit'],
  }),
  makeCounterProvider({
    name: METRIC.authFailures,
    help: 'Requests refused by authentication or for a missing scope',
    labelNames: ['method', 'reason'],
  }),
  makeCounterProvider({
    name: METRIC.eventStoreOperations,
    help: 'MCP event store operations (store: one event kept; replay: one resumption)',
    labelNames: EVENT_STORE,
  }),
  makeCounterProvider({
    name: METRIC.eventStoreFailures,
    help: 'MCP event store operations whose backend failed or did not answer in time',
    labelNames: EVENT_STORE,
  }),
  makeCounterProvider({
    name: METRIC.eventStoreFallbacks,
    help: 'MCP event store operations answered by the degraded path (event sent unstored, resumption refused)',
    labelNames: EVENT_STORE,
  }),
  makeGaugeProvider({
    name: METRIC.buildInfo,
    help: 'Always 1: the running version, commit and Node.js',
    labelNames: ['version', 'commit', 'node'],
  }),
];
