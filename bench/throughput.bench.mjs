// docs/SLA.md level 2: full-stack tools/call throughput against a bare MCP SDK server
// (bench/bare-sdk-server.mjs), side by side in one run. The same load (get_repository over Streamable
// HTTP, one session, JSON answers, the same connections) goes in turn to these servers, all against one
// fake Bitbucket with no added latency:
//   bare    the bare SDK server;
//   shared  the bare SDK server sharing identical concurrent GETs, as the full stack's single flight does:
//           both then ask the fake as little, so their throughputs compare the servers' own paths;
//   open  the built server with AUTH_METHODS=none and RATE_LIMIT_ENABLED=false (issue 14's measurement);
//   full  the built server with all middleware on: API-key authentication, both rate limits raised
//         above the rate, metrics, file logging at the default level into a temporary LOG_DIR.
// Rounds alternate (the order rotates each round, a fresh server per run) and the medians are compared.
// Besides requests/s, each run reads the server process's CPU time over the measured window: CPU
// milliseconds per call is what the server's own path costs, whatever else the machine is doing.
// Exits 0 once measured, 2 when the benchmark could not run or requests failed; it holds no target of its own.
//
//   npm run build && npm run bench:throughput
//   npm run bench:throughput -- --duration 10 --rounds 5 --connections 32 --configs full,bare --json
//
// Options: --duration S (measured seconds per run, default 10, after 2 s of warm-up), --rounds N (runs
// per server, default 3), --connections N (default 32), --configs (a comma list of bare, shared, open,
// full; default all four), --json (also the figures as one JSON line). On a shared machine the load average
// before and after is printed: figures from a busy machine are only comparable within their run.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  cpuSeconds,
  freePort,
  MCP_HEADERS,
  numberOption,
  openSession,
  percentile,
  responseTimes,
  ROOT,
  startApp,
  startScript,
  toolCall,
} from './bench-processes.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    configs: { type: 'string', default: 'bare,shared,open,full' },
    json: { type: 'boolean', default: false },
  },
});
const durationS = numberOption(values, 'duration', 1, 300);
const rounds = numberOption(values, 'rounds', 1, 20);
const connections = numberOption(values, 'connections', 1, 200);
const configs = values.configs.split(',');
const BARE_CONFIGS = ['bare', 'shared'];
if (configs.length === 0 || configs.some((c) => ![...BARE_CONFIGS, 'open', 'full'].includes(c))) {
  process.stderr.write('bench: --configs is a comma list of bare, shared, open, full\n');
  process.exit(2);
}

const API_KEY = 'bench-api-key-0123456789abcdef';
/** One server of `config` pointed at the fake; resolves with its url, the headers it needs and its stop. */
async function startServer(config, fakePort) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  if (BARE_CONFIGS.includes(config)) {
    const server = await startScript(
      join(ROOT, 'bench', 'bare-sdk-server.mjs'),
      [String(port), `http://127.0.0.1:${fakePort}/2.0`, ...(config === 'shared' ? ['--share-gets'] : [])],
      {},
      `${url}/health/ready`,
    );
    return { ...server, url, headers: MCP_HEADERS };
  }
  const logDir = mkdtempSync(join(tmpdir(), 'bench-throughput-logs-'));
  const middleware =
    config === 'open'
      ? { AUTH_METHODS: 'none', RATE_LIMIT_ENABLED: 'false' }
      : {
          AUTH_METHODS: 'apikey',
          AUTH_API_KEYS: `bench:${API_KEY}`,
          RATE_LIMIT_IP_LIMIT: '10000000',
          RATE_LIMIT_USER_LIMIT: '10000000',
          METRICS_ENABLED: 'true',
          LOG_LEVEL: 'info',
          LOG_DIR: logDir,
        };
  const server = await startApp(
    'mcp-http',
    {
      // As `npm start` and the container image run it (docs/operations.md, Memory).
      NODE_OPTIONS: '--max-semi-space-size=8',
      PORT: String(port),
      HOST: '127.0.0.1',
      BITBUCKET_URL: `http://127.0.0.1:${fakePort}/2.0`,
      BITBUCKET_EMAIL: 'alice@acme.example',
      BITBUCKET_API_TOKEN: 'ATATT-fake-alice',
      // The same answer as the bare server's: text, structuredContent checked against the output schema.
      MCP_STRUCTURED_OUTPUT: 'true',
      ...middleware,
    },
    `${url}/health/ready`,
  );
  return {
    ...server,
    url,
    headers: config === 'full' ? { ...MCP_HEADERS, 'X-API-Key': API_KEY } : MCP_HEADERS,
    stop: async () => {
      await server.stop();
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}

/** One run: a fresh server of `config`, the load for `durationS` after a warm-up, then the server stopped. */
async function run(config, fakePort) {
  const server = await startServer(config, fakePort);
  try {
    const { headers, text } = await openSession(server.url, server.headers);
    let nextId = 1;
    const load = (seconds) =>
      autocannon({
        url: `${server.url}/mcp`,
        method: 'POST',
        headers,
        requests: [{ setupRequest: (request) => ({ ...request, body: toolCall((nextId += 1)) }) }],
        connections,
        duration: seconds,
      });
    // Warm-up apart, so the fake's counters (emptied after it) count the measured calls only.
    await load(2);
    await fetch(`http://127.0.0.1:${fakePort}/__fake/requests`, { method: 'DELETE' });
    const cpuBefore = cpuSeconds(server.child.pid);
    const instance = load(durationS);
    const times = responseTimes(instance, 200);
    const result = await instance;
    const serverCpuS = cpuSeconds(server.child.pid) - cpuBefore;
    // The full stack shares one upstream GET between identical concurrent ones (libs/bitbucket single
    // flight), the bare SDK does not: the upstream calls per tool call tell how much of the fake's work each saved.
    const { total } = await (await fetch(`http://127.0.0.1:${fakePort}/__fake/counters`)).json();
    const answered = times.matching;
    const sorted = times.sorted();
    return {
      config,
      requestsPerSecond: answered / result.duration,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      failed: times.other + result.errors + result.timeouts,
      upstreamPerCall: total / answered,
      cpuMsPerCall: (serverCpuS * 1000) / answered,
      text,
    };
  } finally {
    await server.stop();
  }
}

const median = (numbers) => percentile(numbers, 50);
const fixed = (n, digits = 2) => n.toFixed(digits);

async function main() {
  const loadBefore = loadavg();
  const fakePort = await freePort();
  const fake = await startApp(
    'fake-bitbucket',
    { FAKE_BITBUCKET_PORT: String(fakePort) },
    `http://127.0.0.1:${fakePort}/health/ready`,
  );
  const results = [];
  try {
    // The order rotates each round, so a machine growing busier weighs on every server alike.
    for (let n = 0; n < rounds; n += 1) {
      for (let k = 0; k < configs.length; k += 1) {
        results.push(await run(configs[(n + k) % configs.length], fakePort));
      }
    }
  } finally {
    await fake.stop();
  }
  const loadAfter = loadavg();
  const summary = Object.fromEntries(
    configs.map((config) => {
      const mine = results.filter((r) => r.config === config);
      return [
        config,
        {
          requestsPerSecond: median(mine.map((r) => r.requestsPerSecond)),
          p99Ms: median(mine.map((r) => r.p99Ms)),
          cpuMsPerCall: median(mine.map((r) => r.cpuMsPerCall)),
          failed: mine.reduce((sum, r) => sum + r.failed, 0),
        },
      ];
    }),
  );
  const load = (l) => l.map((n) => n.toFixed(2)).join(' ');
  const lines = [
    `throughput benchmark: node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}) shared by the servers, the fake and the load generator`,
    `tools/call get_repository over Streamable HTTP (JSON answers), ${connections} connections, ${rounds} run(s) per server of 2 s warm-up + ${durationS} s`,
    `load average before: ${load(loadBefore)}; after: ${load(loadAfter)}`,
    '',
    ['run', 'server', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms per call', 'upstream GETs per call', 'failed'].join(
      ' | ',
    ),
    ...results.map((r, n) =>
      [
        String(n + 1),
        r.config,
        fixed(r.requestsPerSecond, 0),
        fixed(r.p50Ms),
        fixed(r.p99Ms),
        fixed(r.cpuMsPerCall, 3),
        fixed(r.upstreamPerCall),
        String(r.failed),
      ].join(' | '),
    ),
    '',
    ...configs.map(
      (config) =>
        `median, ${config.padEnd(6)}: ${fixed(summary[config].requestsPerSecond, 0)} req/s, p99 ${fixed(summary[config].p99Ms)} ms, server CPU ${fixed(summary[config].cpuMsPerCall, 3)} ms per call`,
    ),
    ...configs
      .filter((config) => !BARE_CONFIGS.includes(config))
      .flatMap((config) =>
        BARE_CONFIGS.filter((bare) => summary[bare] !== undefined).map(
          (bare) =>
            `ratio ${config} / ${bare}: throughput × ${fixed(summary[config].requestsPerSecond / summary[bare].requestsPerSecond, 3)}, p99 × ${fixed(summary[config].p99Ms / summary[bare].p99Ms, 3)}, CPU per call × ${fixed(summary[config].cpuMsPerCall / summary[bare].cpuMsPerCall, 3)}`,
        ),
      ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify({ loadBefore, loadAfter, summary, runs: results })}\n`);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  if (failed > 0) {
    process.stderr.write(`bench: ${failed} requests failed\n`);
    process.exit(2);
  }
}

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
