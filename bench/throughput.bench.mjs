// docs/SLA.md level 2: full-stack tools/call throughput against a bare MCP SDK server
// (bench/bare-sdk-server.mjs), side by side in one run. The same load (get_repository over Streamable
// HTTP, one session, JSON answers, the same connections) goes in turn to three servers, all against one
// fake Bitbucket with no added latency:
//   bare  the bare SDK server;
//   open  the built server with AUTH_METHODS=none and RATE_LIMIT_ENABLED=false (issue 14's measurement);
//   full  the built server with all middleware on: API-key authentication, both rate limits raised
//         above the rate, metrics, file logging at the default level into a temporary LOG_DIR.
// Rounds alternate (the order rotates each round, a fresh server per run) and the medians are compared.
// Exits 0 once measured, 2 when the benchmark could not run or requests failed; it holds no target of its own.
//
//   npm run build && npm run bench:throughput
//   npm run bench:throughput -- --duration 10 --rounds 5 --connections 32 --configs full,bare --json
//
// Options: --duration S (measured seconds per run, default 10, after 2 s of warm-up), --rounds N (runs
// per server, default 3), --connections N (default 32), --configs (a comma list of bare, open, full;
// default all three), --json (also the figures as one JSON line). On a shared machine the load average
// before and after is printed: figures from a busy machine are only comparable within their run.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, percentile, ROOT, startApp, startScript } from './bench-processes.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    configs: { type: 'string', default: 'bare,open,full' },
    json: { type: 'boolean', default: false },
  },
});
const integerOption = (name, min, max) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < min || value > max) {
    process.stderr.write(`bench: --${name} must be an integer from ${min} to ${max}\n`);
    process.exit(2);
  }
  return value;
};
const durationS = integerOption('duration', 1, 300);
const rounds = integerOption('rounds', 1, 20);
const connections = integerOption('connections', 1, 200);
const configs = values.configs.split(',');
if (configs.length === 0 || configs.some((c) => !['bare', 'open', 'full'].includes(c))) {
  process.stderr.write('bench: --configs is a comma list of bare, open, full\n');
  process.exit(2);
}

const API_KEY = 'bench-api-key-0123456789abcdef';
const MCP_HEADERS = {
  'Content-Type': 'application/json',
  Accept: 'application/json, text/event-stream',
  'MCP-Protocol-Version': '2025-06-18',
};
/** The load's request; ids differ, as the server refuses an id still in flight in the session. */
const toolCall = (id) =>
  JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: { name: 'get_repository', arguments: { workspace: 'acme', repo: 'payments-api' } },
  });

/** One server of `config` pointed at the fake; resolves with its url, the headers it needs and its stop. */
async function startServer(config, fakePort) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  if (config === 'bare') {
    const server = await startScript(
      join(ROOT, 'bench', 'bare-sdk-server.mjs'),
      [String(port), `http://127.0.0.1:${fakePort}/2.0`],
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

/** initialize + initialized: the session the load runs in, and one call checked by hand. */
async function openSession(url, baseHeaders) {
  const initialize = await fetch(`${url}/mcp`, {
    method: 'POST',
    headers: baseHeaders,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
    }),
  });
  await initialize.text();
  const sessionId = initialize.headers.get('mcp-session-id');
  if (initialize.status !== 200 || sessionId === null) throw new Error(`initialize answered ${initialize.status}`);
  const headers = { ...baseHeaders, 'Mcp-Session-Id': sessionId };
  const initialized = await fetch(`${url}/mcp`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
  });
  await initialized.text();
  const check = await fetch(`${url}/mcp`, { method: 'POST', headers, body: toolCall(1) });
  const answer = await check.json();
  if (check.status !== 200 || answer.result?.isError === true || answer.result?.structuredContent === undefined)
    throw new Error(`get_repository answered ${check.status}: ${JSON.stringify(answer)}`);
  return { headers, text: answer.result.content[0].text };
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
    // autocannon's own histogram has 1 ms resolution; keep every response time for the p99.
    let latencies = new Float64Array(1 << 16);
    let answered = 0;
    let failed = 0;
    const instance = load(durationS);
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status !== 200) {
        failed += 1;
        return;
      }
      if (answered === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[answered++] = responseTime;
    });
    const result = await instance;
    // The full stack shares one upstream GET between identical concurrent ones (libs/bitbucket single
    // flight), the bare SDK does not: the upstream calls per tool call tell how much of the fake's work each saved.
    const { total } = await (await fetch(`http://127.0.0.1:${fakePort}/__fake/counters`)).json();
    const sorted = [...latencies.subarray(0, answered)].sort((a, b) => a - b);
    return {
      config,
      requestsPerSecond: answered / result.duration,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      failed: failed + result.errors + result.timeouts,
      upstreamPerCall: total / answered,
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
    ['run', 'server', 'req/s', 'p50 ms', 'p99 ms', 'upstream GETs per call', 'failed'].join(' | '),
    ...results.map((r, n) =>
      [
        String(n + 1),
        r.config,
        fixed(r.requestsPerSecond, 0),
        fixed(r.p50Ms),
        fixed(r.p99Ms),
        fixed(r.upstreamPerCall),
        String(r.failed),
      ].join(' | '),
    ),
    '',
    ...configs.map(
      (config) =>
        `median, ${config.padEnd(4)}: ${fixed(summary[config].requestsPerSecond, 0)} req/s, p99 ${fixed(summary[config].p99Ms)} ms`,
    ),
    ...configs
      .filter((config) => config !== 'bare' && summary.bare !== undefined)
      .map(
        (config) =>
          `ratio ${config} / bare: throughput × ${fixed(summary[config].requestsPerSecond / summary.bare.requestsPerSecond, 3)}, p99 × ${fixed(summary[config].p99Ms / summary.bare.p99Ms, 3)}`,
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
