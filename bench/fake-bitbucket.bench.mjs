// Benchmarks the built fake Bitbucket (npm run build first): how long it takes to start (spawn until
// /health/ready answers 200), then the throughput and latency of a few simple authenticated GETs under
// autocannon. It starts the fake itself on a free loopback port, stops it, and exits on its own:
// 0 when every target is met, 1 when one is missed, 2 when the benchmark could not run.
//
//   npm run bench:fake
//   npm run bench:fake -- --duration 30 --connections 20
//   BENCH_DURATION=5 npm run bench:fake
//
// Options (argument, else environment variable, else default):
//   --duration S     BENCH_DURATION     seconds of measured load per scenario (default 10, at most 300)
//   --warmup S       BENCH_WARMUP       seconds of unmeasured load before each scenario (default 1)
//   --connections N  BENCH_CONNECTIONS  concurrent keep-alive connections (default 10)
//   --starts N       BENCH_STARTS       cold starts timed; the target applies to their median (default 3)
//   --json                              also print the figures as one JSON line
//
// The load generator runs in this process, on the same machine as the fake: on a 2-core machine the
// two share the cores, so the figures are a floor for the fake alone.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { freePort, ROOT } from './bench-processes.mjs';

const TARGET_REQUESTS_PER_SECOND = 5000;
const TARGET_START_MS = 1000;
const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 15_000;

const MAIN = join(ROOT, 'dist/apps/fake-bitbucket/main.js');

const basic = (user, secret) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

/** Simple authenticated GETs over the seeded dataset, with the seeded credentials (apps/fake-bitbucket/README.md). */
const SCENARIOS = [
  {
    name: 'Cloud GET repository, Basic API token',
    path: '/2.0/repositories/acme/payments-api',
    authorization: basic('alice@acme.example', 'ATATT-fake-alice'),
    check: (body) => body.full_name === 'acme/payments-api',
  },
  {
    name: 'Data Center GET repository, Basic',
    path: '/rest/api/latest/projects/PLAT/repos/payments-api',
    authorization: basic('alice', 'alice-password'),
    check: (body) => body.slug === 'payments-api' && body.project?.key === 'PLAT',
  },
  {
    name: 'Data Center GET repository, Bearer HTTP token',
    path: '/rest/api/latest/projects/PLAT/repos/payments-api',
    authorization: 'Bearer fake-dc-token-alice',
    check: (body) => body.slug === 'payments-api',
  },
];

class BenchError extends Error {}

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      starts: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const number = (name, env, fallback, { min, max, integer }) => {
    const raw = values[name] ?? process.env[env];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value)))
      throw new BenchError(`--${name} / ${env} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
    return value;
  };
  return {
    durationS: number('duration', 'BENCH_DURATION', 10, { min: 1, max: 300, integer: true }),
    warmupS: number('warmup', 'BENCH_WARMUP', 1, { min: 0, max: 60, integer: true }),
    connections: number('connections', 'BENCH_CONNECTIONS', 10, { min: 1, max: 1000, integer: true }),
    starts: number('starts', 'BENCH_STARTS', 3, { min: 1, max: 20, integer: true }),
    json: values.json,
  };
}

/** One GET on a fresh connection: the status and the body, or undefined while nothing listens. */
function probe(url, headers = {}) {
  return new Promise((resolve) => {
    const req = get(url, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve(undefined));
    });
    req.on('error', () => resolve(undefined));
    req.setTimeout(2000, () => req.destroy());
  });
}

/** The running fake: its child process, address, and what it printed (for error reports). */
class Fake {
  output = '';

  constructor(child, url) {
    this.child = child;
    this.url = url;
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const keep = (chunk) => {
      this.output = (this.output + chunk).slice(-8000);
    };
    child.stdout.setEncoding('utf8').on('data', keep);
    child.stderr.setEncoding('utf8').on('data', keep);
  }

  get running() {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Spawns the fake and resolves once /health/ready answers 200, with the milliseconds that took. */
  static async start() {
    const port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        FAKE_BITBUCKET_HOST: '127.0.0.1',
        FAKE_BITBUCKET_PORT: String(port),
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const fake = new Fake(child, `http://127.0.0.1:${port}`);
    running.add(fake);
    while (fake.running && performance.now() - started < READY_TIMEOUT_MS) {
      const answer = await probe(`${fake.url}/health/ready`);
      if (answer?.status === 200) return { fake, startMs: performance.now() - started };
      await sleep(5);
    }
    await fake.stop();
    throw new BenchError(`the fake was not ready within ${READY_TIMEOUT_MS} ms\n${fake.output}`);
  }

  /** SIGTERM (the fake drains and exits), then SIGKILL if it is still there after STOP_TIMEOUT_MS. */
  async stop() {
    if (this.running) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
      running.delete(this);
    }
  }
}

/** Fakes still running, so that an interrupted or failed benchmark never leaves one behind. */
const running = new Set();

function killAll() {
  for (const fake of running) if (fake.running) fake.child.kill('SIGKILL');
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Nearest-rank percentile of an ascending Float64Array. */
const percentile = (sorted, p) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function runScenario(fake, scenario, opts) {
  const url = `${fake.url}${scenario.path}`;
  const headers = { authorization: scenario.authorization };
  const answer = await probe(url, headers);
  let body;
  try {
    body = answer === undefined ? undefined : JSON.parse(answer.body);
  } catch {
    body = undefined;
  }
  if (answer?.status !== 200 || body === undefined || !scenario.check(body))
    throw new BenchError(
      `${scenario.name}: GET ${scenario.path} answered ${answer?.status ?? 'nothing'}, not the seeded data`,
    );

  // autocannon's own histogram has 1 ms resolution; keep every response time for sub-millisecond percentiles.
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const instance = autocannon({
    url,
    headers,
    connections: opts.connections,
    duration: opts.durationS,
    ...(opts.warmupS > 0 ? { warmup: { connections: opts.connections, duration: opts.warmupS } } : {}),
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = responseTime;
  });
  const result = await instance;
  const sorted = latencies.subarray(0, count).sort();
  return {
    name: scenario.name,
    path: scenario.path,
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

const thousands = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

function report(opts, starts, scenarios, loadBefore) {
  const startMedian = median(starts);
  const startOk = startMedian < TARGET_START_MS;
  const lines = [
    `fake Bitbucket benchmark: node ${process.version}, ${availableParallelism()} CPUs shared by the fake and the load generator`,
    `${opts.connections} connections, ${opts.warmupS} s warm-up then ${opts.durationS} s measured per scenario`,
    `load average before the run: ${loadBefore.toFixed(2)}` +
      (loadBefore > 0.5
        ? ' (the CPUs were busy in the last minute: figures may be lower than on an idle machine)'
        : ' (idle machine)'),
    '',
    `start (spawn until /health/ready answers 200): median ${thousands(startMedian)} ms of ${starts.length} ` +
      `(${starts.map((s) => thousands(s)).join(', ')} ms); target < ${thousands(TARGET_START_MS)} ms: ${startOk ? 'met' : 'MISSED'}`,
    '',
  ];
  const columns = [
    'scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'max ms',
    'non-2xx',
    'errors',
    `≥ ${thousands(TARGET_REQUESTS_PER_SECOND)} req/s`,
  ];
  const rows = scenarios.map((s) => {
    const ok = s.requestsPerSecond >= TARGET_REQUESTS_PER_SECOND && s.non2xx === 0 && s.errors === 0;
    return [
      s.name,
      thousands(s.requestsPerSecond),
      ms(s.p50Ms),
      ms(s.p99Ms),
      ms(s.maxMs),
      String(s.non2xx),
      String(s.errors),
      ok ? 'met' : 'MISSED',
    ];
  });
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const format = (cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  lines.push(format(columns), ...rows.map(format));
  const failures = [
    ...(startOk ? [] : [`start took ${thousands(startMedian)} ms (target < ${thousands(TARGET_START_MS)} ms)`]),
    ...scenarios.flatMap((s) => [
      ...(s.requestsPerSecond < TARGET_REQUESTS_PER_SECOND
        ? [`${s.name}: ${thousands(s.requestsPerSecond)} req/s (target ≥ ${thousands(TARGET_REQUESTS_PER_SECOND)})`]
        : []),
      ...(s.non2xx > 0 || s.errors > 0
        ? [`${s.name}: ${s.non2xx} non-2xx answers, ${s.errors} errors (expected none)`]
        : []),
    ]),
  ];
  lines.push('', failures.length === 0 ? 'all targets met' : `targets missed:\n  ${failures.join('\n  ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (opts.json) {
    const summary = {
      node: process.version,
      cpus: availableParallelism(),
      loadAverageBefore: loadBefore,
      ...opts,
      startMs: starts,
      scenarios,
      ok: failures.length === 0,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  }
  return failures.length === 0;
}

async function main() {
  const opts = options();
  if (!existsSync(MAIN)) throw new BenchError(`${MAIN} is missing: run npm run build first`);
  // A bound on the whole run, whatever happens: every scenario, every start and stop, and some slack.
  const budgetMs =
    opts.starts * (READY_TIMEOUT_MS + STOP_TIMEOUT_MS) + SCENARIOS.length * (opts.durationS + opts.warmupS + 15) * 1000;
  setTimeout(() => {
    process.stderr.write(`bench: still running after ${Math.round(budgetMs / 1000)} s; giving up\n`);
    killAll();
    process.exit(2);
  }, budgetMs).unref();

  const loadBefore = loadavg()[0];
  const starts = [];
  for (let i = 1; i < opts.starts; i += 1) {
    const { fake, startMs } = await Fake.start();
    starts.push(startMs);
    await fake.stop();
  }
  const { fake, startMs } = await Fake.start();
  starts.push(startMs);
  try {
    const scenarios = [];
    for (const scenario of SCENARIOS) scenarios.push(await runScenario(fake, scenario, opts));
    return report(opts, starts, scenarios, loadBefore);
  } finally {
    const exit = await fake.stop();
    if (exit.code !== 0)
      process.stderr.write(`bench: the fake exited with ${exit.signal ?? exit.code}\n${fake.output}\n`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    killAll();
    process.stderr.write(`bench: ${error instanceof BenchError ? error.message : (error?.stack ?? String(error))}\n`);
    process.exit(2);
  },
);
