// Issue 12, closing note: what the metrics module costs in throughput. The same tools/call load
// (get_repository over Streamable HTTP, in one session, answered as JSON) runs against the built
// server (npm run build first) with METRICS_ENABLED=true and =false, alternately, round after round,
// on this machine in one run: a fresh server per round, one fake Bitbucket for all, no authentication
// and no rate limits (AUTH_METHODS=none, RATE_LIMIT_ENABLED=false), so the difference is metrics.
// It prints requests/s and p99 per setting (the mean of its rounds) and the on/off ratios.
// Exits 0 once measured, 2 when the benchmark could not run; it holds no target of its own.
//
//   npm run bench:metrics
//   npm run bench:metrics -- --duration 20 --rounds 3 --connections 10 --json
//
// Options: --duration S (measured seconds per round, default 10, after 2 s of warm-up), --rounds N
// (rounds per setting, default 2), --connections N (concurrent clients, default 10), --json (also
// print the figures as one JSON line). On a 2-core machine autocannon shares the cores with the server
// and the fake, so both settings are slowed alike; the load average before the run is printed.
import autocannon from 'autocannon';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import {
  freePort,
  numberOption,
  openSession,
  percentile,
  responseTimes,
  startApp,
  toolCall,
} from './bench-processes.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
  },
});
const durationS = numberOption(values, 'duration', 1, 300);
const rounds = numberOption(values, 'rounds', 1, 20);
const connections = numberOption(values, 'connections', 1, 200);

/** The server pointed at the fake, metrics on or off; everything else as `npm start` runs it. */
async function startServer(fakePort, metricsEnabled) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startApp(
    'mcp-http',
    {
      NODE_OPTIONS: '--max-semi-space-size=8',
      PORT: String(port),
      HOST: '127.0.0.1',
      BITBUCKET_URL: `http://127.0.0.1:${fakePort}/2.0`,
      BITBUCKET_EMAIL: 'alice@acme.example',
      BITBUCKET_API_TOKEN: 'ATATT-fake-alice',
      AUTH_METHODS: 'none',
      RATE_LIMIT_ENABLED: 'false',
      METRICS_ENABLED: String(metricsEnabled),
    },
    `${url}/health/ready`,
  );
  return { ...server, url };
}

/** One round: a fresh server, the load for `durationS` after a warm-up, then the server stopped. */
async function round(fakePort, metricsEnabled) {
  const server = await startServer(fakePort, metricsEnabled);
  try {
    const { headers } = await openSession(server.url);
    let nextId = 1;
    const instance = autocannon({
      url: `${server.url}/mcp`,
      method: 'POST',
      headers,
      requests: [{ setupRequest: (request) => ({ ...request, body: toolCall((nextId += 1)) }) }],
      connections,
      duration: durationS,
      warmup: { connections, duration: 2 },
    });
    const times = responseTimes(instance, 200);
    const result = await instance;
    const answered = times.matching;
    const sorted = times.sorted();
    return {
      metrics: metricsEnabled,
      requestsPerSecond: answered / result.duration,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      failed: times.other + result.errors + result.timeouts,
    };
  } finally {
    await server.stop();
  }
}

const mean = (numbers) => numbers.reduce((sum, n) => sum + n, 0) / numbers.length;
const fixed = (n, digits = 2) => n.toFixed(digits);

async function main() {
  const loadBefore = loadavg()[0];
  const fakePort = await freePort();
  const fake = await startApp(
    'fake-bitbucket',
    { FAKE_BITBUCKET_PORT: String(fakePort) },
    `http://127.0.0.1:${fakePort}/health/ready`,
  );
  const results = [];
  try {
    // Alternating, so a machine growing busier during the run weighs on both settings alike.
    for (let n = 0; n < rounds; n += 1) {
      for (const metricsEnabled of n % 2 === 0 ? [true, false] : [false, true]) {
        results.push(await round(fakePort, metricsEnabled));
      }
    }
  } finally {
    await fake.stop();
  }
  const summary = (metricsEnabled) => {
    const mine = results.filter((r) => r.metrics === metricsEnabled);
    return {
      requestsPerSecond: mean(mine.map((r) => r.requestsPerSecond)),
      p99Ms: mean(mine.map((r) => r.p99Ms)),
      failed: mine.reduce((sum, r) => sum + r.failed, 0),
    };
  };
  const on = summary(true);
  const off = summary(false);
  const lines = [
    `metrics-cost benchmark: node ${process.version}, ${availableParallelism()} CPUs shared by the server, the fake and the load generator`,
    `tools/call get_repository over Streamable HTTP (JSON answers), ${connections} connections, ${rounds} round(s) per setting of 2 s warm-up + ${durationS} s; load average before: ${loadBefore.toFixed(2)}`,
    '',
    ['round', 'METRICS_ENABLED', 'req/s', 'p50 ms', 'p99 ms', 'failed'].join(' | '),
    ...results.map((r, n) =>
      [
        String(n + 1),
        String(r.metrics),
        fixed(r.requestsPerSecond, 0),
        fixed(r.p50Ms),
        fixed(r.p99Ms),
        String(r.failed),
      ].join(' | '),
    ),
    '',
    `mean, metrics on:  ${fixed(on.requestsPerSecond, 0)} req/s, p99 ${fixed(on.p99Ms)} ms`,
    `mean, metrics off: ${fixed(off.requestsPerSecond, 0)} req/s, p99 ${fixed(off.p99Ms)} ms`,
    `on/off: throughput × ${fixed(on.requestsPerSecond / off.requestsPerSecond, 3)}, p99 × ${fixed(on.p99Ms / off.p99Ms, 3)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify({ on, off, rounds: results })}\n`);
  if (on.failed + off.failed > 0) process.stderr.write(`bench: ${on.failed + off.failed} requests failed\n`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
