// SLA 5 (memory): what 1,000 idle Streamable HTTP sessions cost the server in RSS, above an idle
// server that has already served a few sessions. Starts the built fake Bitbucket and server itself
// (npm run build first), with authentication on, and exits on its own: 0 within target, 1 over it.
//   node bench/mcp-idle-sessions.bench.mjs [--sessions 1000] [--json]
// --json prints the figures as the last line alone (scripts/load.mjs reads it).
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { MCP_HEADERS, openSession, rssMiB, startStack } from './bench-processes.mjs';

const TARGET_MIB = 100;
const { values } = parseArgs({
  options: { sessions: { type: 'string', default: '1000' }, json: { type: 'boolean', default: false } },
});
const sessions = Number(values.sessions);

// One principal (the API key) opens every session: its quota is raised with the server's.
const stack = await startStack({
  LOG_LEVEL: 'warn',
  MCP_MAX_SESSIONS: String(sessions + 100),
  MCP_MAX_SESSIONS_PER_PRINCIPAL: String(sessions + 100),
});
const headers = { ...MCP_HEADERS, 'X-API-Key': stack.apiKey };
const openIdleSession = async () => openSession(stack.url, headers, { checkCall: false });

try {
  // Warm-up: code paths loaded and JIT-compiled before the baseline.
  for (let i = 0; i < 20; i += 1) await openIdleSession();
  await sleep(2000);
  const baseline = rssMiB(stack.server.child.pid);
  const started = Date.now();
  for (let opened = 0; opened < sessions; opened += 50) {
    await Promise.all(Array.from({ length: Math.min(50, sessions - opened) }, openIdleSession));
  }
  const openedInMs = Date.now() - started;
  // Idle, V8's memory reducer collects what opening them left behind: sample until RSS settles.
  const samples = [];
  for (let second = 0; second < 20; second += 1) {
    await sleep(1000);
    samples.push(+rssMiB(stack.server.child.pid).toFixed(1));
  }
  const loaded = Math.min(...samples.slice(-5));
  const delta = loaded - baseline;
  const figures = {
    sessions,
    baselineMiB: +baseline.toFixed(1),
    withSessionsMiB: +loaded.toFixed(1),
    deltaMiB: +delta.toFixed(1),
    perSessionKiB: +((delta * 1024) / sessions).toFixed(1),
    openedInMs,
    rssSamplesMiB: samples,
    targetMiB: TARGET_MIB,
  };
  console.log(values.json ? JSON.stringify(figures) : `idle sessions: ${JSON.stringify(figures)}`);
  process.exitCode = delta <= TARGET_MIB * (sessions / 1000) ? 0 : 1;
} finally {
  await stack.stop();
}
