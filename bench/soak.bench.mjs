// docs/SLA.md level 5, the soak: RSS of the server under a steady, realistic load for minutes, after a
// warm-up of the first 20 %. Starts the built fake Bitbucket (20 ms added to every answer, as
// scripts/load.mjs does) and the built server with the full middleware (API-key authentication, both
// rate limits and the write limit raised above the rate, metrics, file logging at the default level into
// a temporary LOG_DIR) through bench/bench-processes.mjs, drives the load, stops everything, and exits on
// its own: 0 when RSS grew at most 10 % after warm-up with no error, 1 when it grew more or a call
// failed, 2 when the soak could not run.
//
//   npm run build && npm run bench:soak
//   npm run bench:soak -- --minutes 1 --rate 50 --json
//
// The load, paced (each virtual user waits for its answer, so a slow server is not buried under a queue):
//   - long-lived Streamable HTTP sessions (40 % of the users), open the whole run, closed with DELETE;
//   - short sessions (the other 60 %): opened, 20 calls, then closed with DELETE, except every fifth,
//     abandoned open for the idle reaper (MCP_SESSION_IDLE_TTL_MS is set to 60 s, so reaping happens
//     within the soak);
//   - a tool mix over several repositories and pull requests: get_repository 45 %, list_pull_requests
//     30 %, get_pull_request_diff 23 %, add_pull_request_comment 2 % (the fake is reset every minute, so
//     comments do not pile up);
//   - one legacy HTTP+SSE client, a session of 5 get_repository calls every 5 s (artillery/mcp-processor.cjs).
// Every user makes 2 calls/s: --rate R runs R / 2 users. Opening a session makes initialize, the
// initialized notification and one get_repository checked by hand (bench-processes.mjs openSession);
// those are not counted in the calls.
//
// Options: --minutes M (default 10, from 0.25 to 60), --rate R (tools/call per second, default 100, from
// 2 to 400: keep it well below what the machine serves, a soak measures memory, not throughput), --json
// (also the figures as one JSON line). RSS is read from /proc every 10 s (more often below 100 s), with
// the V8 heap in use and the open sessions from GET /metrics. Growth compares the median of the last three
// samples with the median of the three ending at warm-up's end, so one sample taken before or after a
// collection does not decide it; the lowest heap samples of the first and last thirds after warm-up tell
// a leak from V8 enlarging its old generation. Runs shorter than a few minutes check errors more than growth.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import {
  closeSession,
  cpuSeconds,
  MCP_HEADERS,
  numberOption,
  openSession,
  percentile,
  ROOT,
  rssMiB,
  startStack,
  toolCall,
} from './bench-processes.mjs';

const TARGET_GROWTH_PERCENT = 10;
const WARM_UP_SHARE = 0.2;
const CALLS_PER_USER_PER_SECOND = 2;
const LONG_LIVED_SHARE = 0.4;
const CALLS_PER_SHORT_SESSION = 20;
const ABANDON_EVERY = 5;
const IDLE_TTL_MS = 60_000;
const FAKE_RESET_EVERY_MS = 60_000;
const SSE_EVERY_MS = 5_000;
const UPSTREAM_LATENCY_MS = 20;

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rate: { type: 'string', default: '100' },
    json: { type: 'boolean', default: false },
  },
});
const durationS = numberOption(values, 'minutes', 0.25, 60, { fractional: true }) * 60;
const rate = numberOption(values, 'rate', 2, 400, { fractional: true });
const warmUpS = durationS * WARM_UP_SHARE;
const sampleEveryS = Math.min(10, Math.max(1, durationS / 10));

/** The tool mix: weights, and the arguments each call picks from (seeded in apps/fake-bitbucket/README.md). */
const MIX = [
  {
    name: 'get_repository',
    weight: 45,
    args: ['payments-api', 'identity-service', 'web-portal'].map((repo) => ({ workspace: 'acme', repo })),
  },
  {
    name: 'list_pull_requests',
    weight: 30,
    args: ['payments-api', 'identity-service', 'web-portal'].map((repo) => ({ workspace: 'acme', repo })),
  },
  {
    name: 'get_pull_request_diff',
    weight: 23,
    args: [
      { workspace: 'acme', repo: 'payments-api', pullRequestId: 3 },
      { workspace: 'acme', repo: 'payments-api', pullRequestId: 4 },
      { workspace: 'acme', repo: 'payments-api', pullRequestId: 8 },
      { workspace: 'acme', repo: 'identity-service', pullRequestId: 1 },
    ],
  },
  {
    name: 'add_pull_request_comment',
    weight: 2,
    args: [{ workspace: 'acme', repo: 'payments-api', pullRequestId: 3, text: 'Soak test: looks good.' }],
  },
];
const TOTAL_WEIGHT = MIX.reduce((sum, tool) => sum + tool.weight, 0);
const pick = (list) => list[Math.floor(Math.random() * list.length)];
function pickCall() {
  let roll = Math.random() * TOTAL_WEIGHT;
  const tool = MIX.find((candidate) => (roll -= candidate.weight) < 0) ?? MIX[0];
  return { name: tool.name, args: pick(tool.args) };
}

const figures = { calls: 0, errors: 0, sessionsOpened: 0, sessionsClosed: 0, sessionsAbandoned: 0, sseCalls: 0 };
const latencies = { all: [], sse: [] };
const errorSamples = [];
function failed(why) {
  figures.errors += 1;
  if (errorSamples.length < 10) errorSamples.push(why);
}

/** One tools/call in a session: answered means 200, a result, and not an error result. */
async function call(stack, session) {
  const { name, args } = pickCall();
  const started = performance.now();
  try {
    const res = await fetch(`${stack.url}/mcp`, {
      method: 'POST',
      headers: session.headers,
      body: toolCall((session.nextId += 1), name, args),
    });
    const answer = await res.json();
    if (res.status !== 200 || answer.result === undefined || answer.result.isError === true) {
      failed(`${name}: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
      return;
    }
    figures.calls += 1;
    latencies.all.push(performance.now() - started);
  } catch (error) {
    failed(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A virtual user making CALLS_PER_USER_PER_SECOND calls until `until`, in one session or in short ones. */
async function user(stack, longLived, startDelayMs, until) {
  const intervalMs = 1000 / CALLS_PER_USER_PER_SECOND;
  await sleep(startDelayMs);
  let next = performance.now();
  for (let sessionNumber = 0; Date.now() < until; sessionNumber += 1) {
    let session;
    try {
      session = { ...(await openSession(stack.url, stack.headers)), nextId: 1 };
      figures.sessionsOpened += 1;
    } catch (error) {
      failed(`open session: ${error instanceof Error ? error.message : String(error)}`);
      await sleep(intervalMs);
      continue;
    }
    for (let n = 0; (longLived || n < CALLS_PER_SHORT_SESSION) && Date.now() < until; n += 1) {
      await call(stack, session);
      // Behind schedule (a slow answer), the user starts again from now instead of bursting to catch up.
      next = Math.max(next + intervalMs, performance.now() - intervalMs);
      await sleep(Math.max(0, next - performance.now()));
    }
    if (!longLived && sessionNumber % ABANDON_EVERY === ABANDON_EVERY - 1) {
      figures.sessionsAbandoned += 1;
      continue;
    }
    const status = await closeSession(stack.url, session.headers).catch((error) => error.message);
    if (status === 200 || status === 204) figures.sessionsClosed += 1;
    else failed(`DELETE /mcp answered ${status}`);
  }
}

/** The legacy HTTP+SSE client, with the artillery scenario's session (artillery/mcp-processor.cjs). */
async function legacySseUser(stack, until) {
  process.env.LOAD_API_KEY = stack.apiKey;
  process.env.LOAD_TARGET = stack.url;
  const { legacySseSession } = createRequire(import.meta.url)(join(ROOT, 'artillery', 'mcp-processor.cjs'));
  const events = {
    emit: (type, name, value) => {
      if (type === 'histogram' && name === 'mcp.sse_tool_call_ms') latencies.sse.push(value);
      if (type === 'counter' && name === 'mcp.tool_calls.sse') figures.sseCalls += value;
    },
  };
  while (Date.now() < until) {
    const started = Date.now();
    await new Promise((resolve) =>
      legacySseSession({ vars: { callsPerSession: 5 } }, events, (error) => {
        if (error !== undefined) failed(`legacy SSE: ${error.message}`);
        resolve();
      }),
    );
    await sleep(Math.max(0, Math.min(SSE_EVERY_MS - (Date.now() - started), until - Date.now())));
  }
}

async function admin(stack, method, path, body) {
  const res = await fetch(`${stack.fakeUrl}/__fake/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`fake admin ${method} ${path} answered ${res.status}`);
}
/** A fresh dataset (no comments piled up, an empty request log) with the upstream latency again. */
async function resetFake(stack) {
  await admin(stack, 'POST', 'reset');
  await admin(stack, 'POST', 'faults', { path: '.*', latencyMs: UPSTREAM_LATENCY_MS });
}

/** Sum of a metric's series in Prometheus' text format, those whose labels contain `labels` only. */
function metricSum(text, name, labels = '') {
  let sum;
  for (const line of text.split('\n')) {
    const match = /^(\w+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (match?.[1] !== name || !(match[2] ?? '').includes(labels)) continue;
    sum = (sum ?? 0) + Number(match[3]);
  }
  return sum;
}

async function sample(stack, startedAt) {
  const pid = stack.server.child.pid;
  const metrics = await (await fetch(`${stack.url}/metrics`)).text();
  const mib = (bytes) => (bytes === undefined ? undefined : +(bytes / 1024 / 1024).toFixed(1));
  return {
    seconds: Math.round((Date.now() - startedAt) / 1000),
    rssMiB: +rssMiB(pid).toFixed(1),
    heapUsedMiB: mib(metricSum(metrics, 'bitbucket_mcp_nodejs_heap_size_used_bytes')),
    sessionsActive: metricSum(metrics, 'bitbucket_mcp_sessions_active'),
    sessionsReapedIdle: metricSum(metrics, 'bitbucket_mcp_sessions_closed_total', 'reason="idle"') ?? 0,
    cpuSeconds: cpuSeconds(pid),
    calls: figures.calls + figures.sseCalls,
    errors: figures.errors,
  };
}

const median = (numbers) => percentile(numbers, 50);
const round = (n, digits = 1) => +n.toFixed(digits);

async function main() {
  const loadBefore = loadavg();
  const logDir = mkdtempSync(join(tmpdir(), 'bench-soak-logs-'));
  let stack;
  try {
    stack = await startStack({
      LOG_LEVEL: 'info',
      LOG_DIR: logDir,
      METRICS_ENABLED: 'true',
      MCP_SESSION_IDLE_TTL_MS: String(IDLE_TTL_MS),
      MCP_MAX_SESSIONS_PER_PRINCIPAL: '10000',
    });
  } catch (error) {
    rmSync(logDir, { recursive: true, force: true });
    throw error;
  }
  stack.headers = { ...MCP_HEADERS, 'X-API-Key': stack.apiKey };
  const samples = [];
  try {
    await resetFake(stack);
    const startedAt = Date.now();
    const until = startedAt + durationS * 1000;
    samples.push(await sample(stack, startedAt));
    const users = Math.max(1, Math.round(rate / CALLS_PER_USER_PER_SECOND));
    const longLived = Math.max(1, Math.round(users * LONG_LIVED_SHARE));
    const spreadMs = 1000 / CALLS_PER_USER_PER_SECOND;
    const load = Promise.all([
      ...Array.from({ length: users }, (_, n) => user(stack, n < longLived, (n * spreadMs) / users, until)),
      legacySseUser(stack, until),
    ]);
    const chores = (async () => {
      let lastReset = Date.now();
      for (let n = 1; startedAt + n * sampleEveryS * 1000 <= until; n += 1) {
        await sleep(startedAt + n * sampleEveryS * 1000 - Date.now());
        samples.push(await sample(stack, startedAt));
        if (Date.now() - lastReset >= FAKE_RESET_EVERY_MS) {
          await resetFake(stack);
          lastReset = Date.now();
        }
        const last = samples.at(-1);
        process.stderr.write(
          `soak: ${last.seconds} s, RSS ${last.rssMiB} MiB, heap ${last.heapUsedMiB} MiB, ${last.sessionsActive} sessions, ${last.calls} calls, ${last.errors} errors\n`,
        );
      }
    })();
    await Promise.all([load, chores]);
  } finally {
    await stack.stop();
    rmSync(logDir, { recursive: true, force: true });
  }
  const loadAfter = loadavg();

  const warmUpIndex = samples.findIndex((s) => s.seconds >= warmUpS);
  const atWarmUp = median(samples.slice(Math.max(1, warmUpIndex - 2), warmUpIndex + 1).map((s) => s.rssMiB));
  const atEnd = median(samples.slice(-3).map((s) => s.rssMiB));
  const afterWarmUp = samples.slice(warmUpIndex);
  const maxMiB = Math.max(...afterWarmUp.map((s) => s.rssMiB));
  const growthPercent = ((atEnd - atWarmUp) / atWarmUp) * 100;
  // The lowest heap sample of a stretch is near what survives collections: a leak raises it, whereas
  // RSS also grows without one when V8 lets the old generation get larger between major collections.
  const third = Math.max(1, Math.floor(afterWarmUp.length / 3));
  const lowestHeap = (stretch) => Math.min(...stretch.map((s) => s.heapUsedMiB ?? NaN));
  const [heapLowFirstMiB, heapLowLastMiB] = [
    lowestHeap(afterWarmUp.slice(0, third)),
    lowestHeap(afterWarmUp.slice(-third)),
  ];
  const measuredS = samples.at(-1).seconds;
  const cpuS = samples.at(-1).cpuSeconds - samples[0].cpuSeconds;
  const all = [...latencies.all, ...latencies.sse];
  const result = {
    minutes: durationS / 60,
    rate,
    warmUpSeconds: round(warmUpS),
    rssAtWarmUpMiB: atWarmUp,
    rssAtEndMiB: atEnd,
    rssMaxAfterWarmUpMiB: maxMiB,
    growthPercent: round(growthPercent),
    maxGrowthPercent: round(((maxMiB - atWarmUp) / atWarmUp) * 100),
    targetGrowthPercent: TARGET_GROWTH_PERCENT,
    heapLowestFirstThirdMiB: heapLowFirstMiB,
    heapLowestLastThirdMiB: heapLowLastMiB,
    calls: figures.calls + figures.sseCalls,
    callsPerSecond: round((figures.calls + figures.sseCalls) / measuredS),
    legacySseCalls: figures.sseCalls,
    errors: figures.errors,
    errorSamples,
    p50Ms: round(percentile(all, 50)),
    p99Ms: round(percentile(all, 99)),
    sessionsOpened: figures.sessionsOpened,
    sessionsClosed: figures.sessionsClosed,
    sessionsAbandoned: figures.sessionsAbandoned,
    sessionsReapedIdle: samples.at(-1).sessionsReapedIdle,
    serverCpuPercent: round((cpuS / measuredS) * 100, 0),
    machine: { cpus: availableParallelism(), cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
    loadBefore: loadBefore.map((n) => round(n, 2)),
    loadAfter: loadAfter.map((n) => round(n, 2)),
    samples: samples.map(({ cpuSeconds: _cpu, ...rest }) => rest),
  };
  const met = figures.errors === 0 && growthPercent <= TARGET_GROWTH_PERCENT;
  const lines = [
    `soak: node ${process.version}, ${result.machine.cpus} CPUs (${result.machine.cpuModel}) shared by the server, the fake and this client; load average before ${result.loadBefore.join(' ')}, after ${result.loadAfter.join(' ')}`,
    `${result.minutes} min at ${rate} tools/call/s target (${result.callsPerSecond}/s answered), warm-up ${result.warmUpSeconds} s; server CPU ${result.serverCpuPercent} % of one core`,
    '',
    'seconds | RSS MiB | heap used MiB | open sessions | reaped idle | calls | errors',
    ...samples.map((s) =>
      [s.seconds, s.rssMiB, s.heapUsedMiB, s.sessionsActive, s.sessionsReapedIdle, s.calls, s.errors].join(' | '),
    ),
    '',
    `calls: ${result.calls} answered (${result.legacySseCalls} over legacy SSE), ${result.errors} errors; p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`,
    `sessions: ${result.sessionsOpened} opened, ${result.sessionsClosed} closed with DELETE, ${result.sessionsAbandoned} abandoned, ${result.sessionsReapedIdle} reaped idle (Streamable HTTP and legacy SSE)`,
    `RSS: ${atWarmUp} MiB at the end of warm-up, ${atEnd} MiB at the end, ${maxMiB} MiB at most after warm-up: growth ${result.growthPercent} % (at most ${result.maxGrowthPercent} %), target ≤ ${TARGET_GROWTH_PERCENT} %`,
    `V8 heap in use, lowest sample: ${heapLowFirstMiB} MiB in the first third after warm-up, ${heapLowLastMiB} MiB in the last (a leak raises it)`,
    ...errorSamples.map((why) => `error: ${why}`),
    `soak: ${met ? 'met' : 'not met'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  return met ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bench: could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
