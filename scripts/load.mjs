// The load suite (issue 14, docs/SLA.md levels 1, 3, 4 and 5's soak): starts the built fake Bitbucket and
// the built server as processes on loopback (npm run build first: this script builds nothing), runs the
// artillery scenarios of artillery/ against them, then the bench/ scripts of EXTRA_LEVELS, tears
// everything down (on failure and on SIGINT/SIGTERM too), and writes JSON results and a markdown table
// under artillery/reports/ (gitignored).
//
//   npm run load          # full, 18 to 19 minutes: SLA 1 (200 tools/call/s for 60 s, 20 ms upstream),
//                         # SLA 3, SLA 4, SSE, mix (3 to 4 minutes), SLA 2 (3), SLA 5 (idle sessions,
//                         # then the 10-minute soak)
//   npm run load:smoke    # CI, about a minute and a half: low rates, a few seconds each, and 20 s of the
//                         # soak's mix; fails only on errors or gross regressions
//
// The server runs with the full middleware: API-key authentication, both rate limits (and the write
// limit) raised above the test rate except in the rate-limit phase, metrics on, file logging (LOG_DIR,
// a temporary directory, at the default info level). artillery/ has its own package.json; when its
// node_modules is missing it is installed here (npm ci, Playwright's browser download skipped,
// telemetry off). Exits 0 when every check passes, 1 when one fails, 2 when the suite could not run.
// EXTRA_LEVELS adds SLA 2 (bench/throughput.bench.mjs, about 3 minutes in full, 15 s in the smoke) and
// SLA 5's idle sessions (bench/mcp-idle-sessions.bench.mjs, full only, under a minute).
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { ROOT, startStack } from '../bench/bench-processes.mjs';

const { values } = parseArgs({ options: { smoke: { type: 'boolean', default: false } } });
const smoke = values.smoke;
const ARTILLERY_DIR = join(ROOT, 'artillery');
const ARTILLERY_BIN = join(ARTILLERY_DIR, 'node_modules', 'artillery', 'bin', 'run');
const ARTILLERY_ENV = { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ARTILLERY_DISABLE_TELEMETRY: 'true' };
const UPSTREAM_LATENCY_MS = 20;
const RATE_LIMIT_BUDGET = 100;
const UNAVAILABLE = 'BITBUCKET_UPSTREAM_UNAVAILABLE';

/**
 * What each mode runs. Full: the SLA's rates and targets (the thresholds in artillery/*.yml). Smoke: low
 * rates for a few seconds; its only timing checks are medians under ten times the SLA's p95 or p99
 * targets (a few hundred samples make a p99 noise), so that an error or a gross regression fails it,
 * never a noisy machine.
 */
const GROSS = 10;
const MODES = {
  full: {
    breakerResetMs: 30_000,
    overrides: {},
  },
  smoke: {
    breakerResetMs: 5_000,
    // Each artillery process takes seconds to start: the smoke runs these three as one script.
    combined: {
      files: ['streamable-http.yml', 'legacy-sse.yml', 'reviewer-mix.yml'],
      variables: { callsPerSession: 5 },
      phases: [{ name: 'smoke', duration: 6, arrivalRate: 6 }],
      ensure: { maxErrorRate: 0, thresholds: [{ 'mcp.tool_call_ms.median': 35 * GROSS }] },
    },
    overrides: {
      'breaker-open.yml': {
        phases: [{ name: 'smoke', duration: 3, arrivalRate: 5 }],
        ensure: { maxErrorRate: 0, thresholds: [{ 'mcp.fail_fast_ms.median': 5 * GROSS }] },
      },
      'rate-limit-burst.yml': {
        phases: [{ name: 'smoke', duration: 3, arrivalRate: 5 }],
        ensure: { maxErrorRate: 0, thresholds: [{ 'mcp.refusal_ms.median': 5 * GROSS }] },
      },
    },
  },
};
const mode = MODES[smoke ? 'smoke' : 'full'];

/**
 * Levels measured by bench/ scripts rather than artillery, run one after the other once the artillery
 * phases are over and their processes stopped (each script starts its own fake and server): `args` for
 * this mode, and `row` making the table's row from the figures the script prints as its last line with
 * --json. A script that exits 2 (could not run) fails its row.
 */
const EXTRA_LEVELS = [
  {
    // SLA 2: full stack against the bare SDK, side by side in one run. The smoke only checks that both
    // answer every call under 32 connections.
    level: '2 Throughput',
    script: 'throughput.bench.mjs',
    args: smoke ? ['--duration', '2', '--rounds', '1', '--configs', 'bare,full'] : [],
    row: (f) => {
      const { bare, shared, full } = f.summary;
      const ratio = full.requestsPerSecond / bare.requestsPerSecond;
      const failed = Object.values(f.summary).reduce((sum, s) => sum + s.failed, 0);
      const perCall = (s) => `${s.cpuMsPerCall.toFixed(3)} ms`;
      return {
        target: smoke
          ? 'smoke: bare SDK and full stack answer every call under 32 connections'
          : 'full-stack tools/call throughput ≥ 0.8 × the bare SDK server (goal 1.0), same run',
        measured:
          `bare SDK ${Math.round(bare.requestsPerSecond)}/s (server CPU ${perCall(bare)} per call), full stack ${Math.round(full.requestsPerSecond)}/s (${perCall(full)}): × ${ratio.toFixed(2)}` +
          (shared === undefined
            ? ''
            : `; against the bare SDK sharing identical GETs as the full stack does, ${Math.round(shared.requestsPerSecond)}/s (${perCall(shared)}): × ${(full.requestsPerSecond / shared.requestsPerSecond).toFixed(2)}`) +
          `; ${failed} failed`,
        pass: failed === 0 && (smoke || ratio >= 0.8),
      };
    },
  },
  ...(smoke
    ? []
    : [
        {
          level: '5 Memory (idle sessions)',
          script: 'mcp-idle-sessions.bench.mjs',
          args: [],
          row: (f) => ({
            target: `${f.sessions} idle sessions cost ≤ ${f.targetMiB} MB RSS`,
            measured: `+${f.deltaMiB} MiB above a warmed-up idle server (${f.perSessionKiB} KiB per session)`,
            pass: f.deltaMiB <= f.targetMiB,
          }),
        },
      ]),
  {
    // SLA 5, the soak: 10 minutes at 100 tools/call/s (bench/soak.bench.mjs). The smoke's 20 s only checks
    // that every call of the same mix is answered: RSS has not settled that soon.
    level: '5 Memory (soak)',
    script: 'soak.bench.mjs',
    args: smoke ? ['--minutes', '0.34', '--rate', '20'] : ['--minutes', '10', '--rate', '100'],
    row: (f) => ({
      target: smoke
        ? 'smoke: 20 s of the soak mix, every call answered'
        : `${f.minutes}-minute soak at ${f.rate} tools/call/s: RSS grows ≤ ${f.targetGrowthPercent} % after warm-up (the first ${f.warmUpSeconds} s), zero errors`,
      measured: `${f.calls} calls (${f.callsPerSecond}/s), ${f.errors} errors, p50 ${fmt(f.p50Ms)}, p99 ${fmt(f.p99Ms)}; ${f.sessionsOpened} sessions opened, ${f.sessionsReapedIdle} reaped idle; RSS ${f.rssAtWarmUpMiB} MiB after warm-up, ${f.rssAtEndMiB} MiB at the end (max ${f.rssMaxAfterWarmUpMiB}): ${f.growthPercent > 0 ? '+' : ''}${f.growthPercent} %; lowest V8 heap ${f.heapLowestFirstThirdMiB} → ${f.heapLowestLastThirdMiB} MiB`,
      pass: f.errors === 0 && (smoke || f.growthPercent <= f.targetGrowthPercent),
    }),
  },
];

/** Runs one EXTRA_LEVELS script with --json; its output goes to the results folder. */
async function benchLevel({ level, script, args, row }) {
  const name = script.replace(/\.bench\.mjs$/, '');
  const logPath = join(resultsDir, `${name}.log`);
  const started = Date.now();
  process.stdout.write(`load: ${name} …`);
  const log = openSync(logPath, 'w');
  const code = await run(process.execPath, [join(ROOT, 'bench', script), ...args, '--json'], {
    cwd: ROOT,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  process.stdout.write(` exit ${code} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  const text = readFileSync(logPath, 'utf8');
  const last = text.trimEnd().split('\n').at(-1) ?? '';
  if (code === 2 || !last.startsWith('{')) {
    process.stdout.write(`${text.split('\n').slice(-40).join('\n')}\n`);
    return {
      level,
      target: script,
      measured: `could not run (exit ${code}): see ${name}.log`,
      pass: false,
      checks: [],
    };
  }
  return { level, ...row(JSON.parse(last)), checks: [] };
}

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    running.add(child);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal === null ? 1 : 128));
    });
  });
}

const running = new Set();
const stacks = new Set();
async function tearDown() {
  for (const child of running) child.kill('SIGTERM');
  await Promise.all([...stacks].map(async (stack) => stack.stop()));
  stacks.clear();
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    process.stderr.write(`load: ${signal}, stopping\n`);
    void tearDown().finally(() => process.exit(130));
  });
}

async function ensureArtillery() {
  if (existsSync(ARTILLERY_BIN)) return;
  process.stdout.write('load: installing artillery/ (npm ci --prefix artillery)\n');
  const code = await run('npm', ['ci', '--prefix', ARTILLERY_DIR, '--no-audit', '--no-fund'], {
    env: { ...process.env, ...ARTILLERY_ENV },
  });
  if (code !== 0) throw new Error(`npm ci --prefix artillery exited ${code}`);
}

async function start(serverEnv) {
  const stack = await startStack(serverEnv);
  stacks.add(stack);
  const admin = async (method, path, body) => {
    const res = await fetch(`${stack.fakeUrl}/__fake/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`fake admin ${method} ${path} answered ${res.status}`);
    return res.status === 204 ? undefined : res.json();
  };
  const setUpstreamLatency = async () => {
    await admin('DELETE', 'faults');
    await admin('POST', 'faults', { path: '.*', latencyMs: UPSTREAM_LATENCY_MS });
  };
  await setUpstreamLatency();
  return {
    ...stack,
    admin,
    setUpstreamLatency,
    stop: async () => {
      stacks.delete(stack);
      await stack.stop();
    },
  };
}

/** One MCP session over Streamable HTTP, for the runner's own set-up and checks. */
async function session(stack) {
  const headers = {
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
    'X-API-Key': stack.apiKey,
  };
  const post = async (message) => {
    const res = await fetch(`${stack.url}/mcp`, { method: 'POST', headers, body: JSON.stringify(message) });
    const text = await res.text();
    return { res, body: text === '' ? undefined : JSON.parse(text) };
  };
  const init = await post({
    jsonrpc: '2.0',
    id: 0,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'load-runner', version: '1' } },
  });
  headers['Mcp-Session-Id'] = init.res.headers.get('mcp-session-id');
  headers['MCP-Protocol-Version'] = '2025-06-18';
  await post({ jsonrpc: '2.0', method: 'notifications/initialized' });
  let id = 0;
  return {
    getRepository: async () => {
      const { body } = await post({
        jsonrpc: '2.0',
        id: ++id,
        method: 'tools/call',
        params: { name: 'get_repository', arguments: { workspace: 'acme', repo: 'payments-api' } },
      });
      return body.result;
    },
    close: async () => fetch(`${stack.url}/mcp`, { method: 'DELETE', headers }),
  };
}

const resultsDir = join(
  ARTILLERY_DIR,
  'reports',
  `${new Date().toISOString().replaceAll(':', '-')}-${smoke ? 'smoke' : 'full'}`,
);

/** Runs one scenario file; its report and output go to the results folder. */
/** The smoke's one script made of several scenario files: their scenarios, its own phases and checks. */
function combinedScript({ files, variables, phases, ensure }) {
  const scripts = files.map((file) => parseYaml(readFileSync(join(ARTILLERY_DIR, file), 'utf8')));
  const script = {
    config: {
      ...scripts[0].config,
      processor: join(ARTILLERY_DIR, scripts[0].config.processor),
      variables,
      phases,
      plugins: { ensure },
    },
    scenarios: scripts.flatMap((one) => one.scenarios),
  };
  const path = join(resultsDir, 'smoke.json');
  writeFileSync(path, JSON.stringify(script, null, 2));
  return path;
}

async function artillery(file, stack) {
  const name = file.replace(/\.(yml|json)$/, '');
  const output = join(resultsDir, `${name}.report.json`);
  const override = mode.overrides[file];
  const overrides =
    override === undefined
      ? undefined
      : {
          config: {
            ...(override.phases === undefined ? {} : { phases: override.phases }),
            ...(override.ensure === undefined ? {} : { plugins: { ensure: override.ensure } }),
          },
        };
  const started = Date.now();
  process.stdout.write(`load: ${name} …`);
  const log = openSync(join(resultsDir, `${name}.log`), 'w');
  const code = await run(
    process.execPath,
    [
      ARTILLERY_BIN,
      'run',
      '--target',
      stack.url,
      '--output',
      output,
      ...(overrides === undefined ? [] : ['--overrides', JSON.stringify(overrides)]),
      join(file.endsWith('.json') ? resultsDir : ARTILLERY_DIR, file),
    ],
    {
      cwd: ARTILLERY_DIR,
      env: { ...process.env, ...ARTILLERY_ENV, LOAD_API_KEY: stack.apiKey, LOAD_TARGET: stack.url },
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  process.stdout.write(` exit ${code} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  const text = readFileSync(join(resultsDir, `${name}.log`), 'utf8');
  const checks = text
    .split('\n')
    .map((line) => stripVTControlCharacters(line))
    .filter((line) => /^(ok|fail): /.test(line));
  if (code !== 0) process.stdout.write(`${text.split('\n').slice(-40).join('\n')}\n`);
  const report = existsSync(output) ? JSON.parse(readFileSync(output, 'utf8')).aggregate : undefined;
  return { code, checks, counters: report?.counters ?? {}, summaries: report?.summaries ?? {} };
}

const fmt = (n) => (n === undefined || Number.isNaN(n) ? 'n/a' : `${Math.round(n * 10) / 10} ms`);
const failures = (r) =>
  `${r.counters['vusers.failed'] ?? 0} failed users, ${r.counters['mcp.unexpected'] ?? 0} unexpected answers`;
/** Every artillery run must have answered every request as expected and passed its ensure checks. */
const clean = (r) =>
  r.code === 0 && (r.counters['vusers.failed'] ?? 0) === 0 && (r.counters['vusers.created'] ?? 0) > 0;

async function main() {
  const machine = {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverageBefore: loadavg().map((n) => Math.round(n * 100) / 100),
  };
  const startedAt = new Date();
  await ensureArtillery();
  mkdirSync(resultsDir, { recursive: true });
  const logDir = mkdtempSync(join(tmpdir(), 'bitbucket-mcp-load-logs-'));
  const rows = [];
  try {
    const stack = await start({
      LOG_LEVEL: 'info',
      LOG_DIR: logDir,
      METRICS_ENABLED: 'true',
      MCP_MAX_SESSIONS_PER_PRINCIPAL: '100000',
      BITBUCKET_BREAKER_VOLUME_THRESHOLD: '5',
      BITBUCKET_BREAKER_RESET_TIMEOUT_MS: String(mode.breakerResetMs),
    });

    // SLA 1: latency at 200 tools/call/s (smoke: 50/s, gross thresholds).
    let [sla1, sse, mix] = [];
    if (mode.combined === undefined) {
      sla1 = await artillery('streamable-http.yml', stack);
      sse = await artillery('legacy-sse.yml', stack);
      mix = await artillery('reviewer-mix.yml', stack);
    } else {
      combinedScript(mode.combined);
      sla1 = sse = mix = await artillery('smoke.json', stack);
    }
    const tc = sla1.summaries['mcp.tool_ms.get_repository'] ?? {};
    rows.push({
      level: '1 Latency',
      target: smoke
        ? `smoke: every call answered, median < ${35 * GROSS} ms`
        : '200 tools/call/s for 60 s, 20 ms upstream: p95 ≤ 35 ms, p99 ≤ 60 ms, zero 5xx and timeouts',
      measured: `${sla1.counters['mcp.tool_calls.get_repository'] ?? 0} calls, p50 ${fmt(tc.p50)}, p95 ${fmt(tc.p95)}, p99 ${fmt(tc.p99)}, max ${fmt(tc.max)}; ${failures(sla1)}`,
      pass: clean(sla1),
      checks: sla1.checks,
    });

    const st = sse.summaries['mcp.sse_tool_call_ms'] ?? {};
    rows.push({
      level: '– Legacy SSE',
      target: 'every call answered on the stream',
      measured: `${sse.counters['mcp.tool_calls.sse'] ?? 0} calls, p50 ${fmt(st.p50)}, p95 ${fmt(st.p95)}, p99 ${fmt(st.p99)}; ${failures(sse)}`,
      pass: clean(sse),
      checks: sse.checks,
    });

    const mixTools = ['list_pull_requests', 'get_pull_request_diff', 'add_pull_request_comment'];
    rows.push({
      level: '– Reviewer mix',
      target: 'list_pull_requests, get_pull_request_diff, add_pull_request_comment: every call answered',
      measured: `${mixTools.map((t) => `${t} ${mix.counters[`mcp.tool_calls.${t}`] ?? 0} calls, p95 ${fmt(mix.summaries[`mcp.tool_ms.${t}`]?.p95)}`).join('; ')}; ${failures(mix)}`,
      pass: clean(mix),
      checks: mix.checks,
    });

    // Metrics and file logging were on for the runs above.
    const metrics = await fetch(`${stack.url}/metrics`);
    const metricsText = await metrics.text();
    const logFiles = readdirSync(logDir);
    rows.push({
      level: '– Middleware',
      target: 'metrics served, logs written to LOG_DIR',
      measured: `GET /metrics ${metrics.status} (${metricsText.length} bytes); ${logFiles.length} file(s) in LOG_DIR`,
      pass: metrics.status === 200 && logFiles.length > 0,
      checks: [],
    });

    rows.push(await breakerPhase(stack));
    await stack.stop();

    rows.push(await rateLimitPhase(logDir));
  } finally {
    await tearDown();
    rmSync(logDir, { recursive: true, force: true });
  }
  for (const extra of EXTRA_LEVELS) rows.push(await benchLevel(extra));

  machine.loadAverageAfter = loadavg().map((n) => Math.round(n * 100) / 100);
  const results = {
    mode: smoke ? 'smoke' : 'full',
    startedAt: startedAt.toISOString(),
    seconds: Math.round((Date.now() - startedAt) / 1000),
    machine,
    rows,
  };
  writeFileSync(join(resultsDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const table = [
    `# Load ${results.mode} run, ${results.startedAt}`,
    '',
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}, load average before ${machine.loadAverageBefore.join(' ')}, after ${machine.loadAverageAfter.join(' ')}; ${results.seconds} s.`,
    '',
    '| level | target | measured | result |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.level} | ${r.target} | ${r.measured} | ${r.pass ? 'pass' : 'FAIL'} |`),
    '',
  ].join('\n');
  writeFileSync(join(resultsDir, 'results.md'), table);
  process.stdout.write(`\n${table}\nload: results in ${resultsDir}\n`);
  for (const r of rows) for (const check of r.checks) process.stdout.write(`  ${r.level}: ${check}\n`);
  return rows.every((r) => r.pass) ? 0 : 1;
}

/** SLA 3: Bitbucket answering 503, the breaker opened, then load: fast refusals and no upstream call. */
async function breakerPhase(stack) {
  await stack.admin('DELETE', 'faults');
  await stack.admin('POST', 'faults', { path: '.*', status: 503 });
  const client = await session(stack);
  const deadline = Date.now() + 30_000;
  let openedAt;
  while (openedAt === undefined) {
    const result = await client.getRepository();
    if (result?.isError === true && result.content[0].text.includes(UNAVAILABLE)) openedAt = Date.now();
    else if (Date.now() > deadline) throw new Error('the breaker did not open within 30 s of Bitbucket failing');
  }
  // The refusal that proved it open came without an upstream call; from here on none may happen.
  const before = await stack.admin('GET', 'counters');
  const run = await artillery('breaker-open.yml', stack);
  const after = await stack.admin('GET', 'counters');
  const upstreamCalls = after.total - before.total;
  const openFor = Date.now() - openedAt;
  // Bitbucket recovers: the breaker must close within its reset timeout + 1 s.
  await stack.setUpstreamLatency();
  const recoveredAt = Date.now();
  let closedAfterMs;
  while (closedAfterMs === undefined && Date.now() - recoveredAt < mode.breakerResetMs + 5_000) {
    const result = await client.getRepository();
    if (result?.isError !== true) closedAfterMs = Date.now() - recoveredAt;
    else await sleep(100);
  }
  await client.close();
  const ft = run.summaries['mcp.fail_fast_ms'] ?? {};
  // Past each reset timeout the breaker lets one trial call through (half-open); Bitbucket still failing,
  // it opens again. Only those may reach the fake. It opened a little before the refusal that showed it:
  // one second of slack.
  const trials = Math.floor((openFor + 1000) / mode.breakerResetMs);
  const closedInTime = closedAfterMs !== undefined && closedAfterMs <= mode.breakerResetMs + 1000;
  return {
    level: '3 Fail fast',
    target: `breaker open: refusals ${smoke ? `median < ${5 * GROSS} ms (smoke)` : 'p99 ≤ 5 ms'}, no upstream call but half-open trials; closed within reset timeout (${mode.breakerResetMs / 1000} s) + 1 s of recovery`,
    measured: `${run.counters['vusers.created'] ?? 0} sessions, refusals p50 ${fmt(ft.p50)}, p95 ${fmt(ft.p95)}, p99 ${fmt(ft.p99)}, max ${fmt(ft.max)}; ${upstreamCalls} upstream calls in ${(openFor / 1000).toFixed(1)} s open (${trials} half-open trials allowed); closed ${closedAfterMs === undefined ? 'never' : `${(closedAfterMs / 1000).toFixed(1)} s`} after recovery; ${failures(run)}`,
    pass: clean(run) && upstreamCalls <= trials && closedInTime,
    checks: run.checks,
  };
}

/** SLA 4: a server whose user limit is spent, then a burst: every answer a fast 429 with Retry-After. */
async function rateLimitPhase(logDir) {
  const stack = await start({
    LOG_LEVEL: 'info',
    LOG_DIR: logDir,
    METRICS_ENABLED: 'true',
    RATE_LIMIT_USER_LIMIT: String(RATE_LIMIT_BUDGET),
    RATE_LIMIT_USER_TTL_MS: '3600000',
  });
  try {
    const request = {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        'X-API-Key': stack.apiKey,
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
    };
    // Spend the budget (the answers are 400, no session, until the limit refuses).
    for (let n = 0; ; n += 1) {
      const res = await fetch(`${stack.url}/mcp`, request);
      await res.arrayBuffer();
      if (res.status === 429) break;
      if (n > RATE_LIMIT_BUDGET) throw new Error(`no 429 after ${n} requests`);
    }
    const run = await artillery('rate-limit-burst.yml', stack);
    const rt = run.summaries['mcp.refusal_ms'] ?? {};
    return {
      level: '4 Rate limiting',
      target: `every answer a 429 with Retry-After, ${smoke ? `median < ${5 * GROSS} ms (smoke)` : 'p99 ≤ 5 ms'}`,
      measured: `${run.counters['http.codes.429'] ?? 0} refusals (user limit, memory), p50 ${fmt(rt.p50)}, p95 ${fmt(rt.p95)}, p99 ${fmt(rt.p99)}, max ${fmt(rt.max)}; ${failures(run)}`,
      pass: clean(run),
      checks: run.checks,
    };
  } finally {
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    process.stderr.write(`load: could not run: ${error.stack ?? error}\n`);
    await tearDown();
    process.exit(2);
  },
);
