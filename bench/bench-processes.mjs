// Shared by the benchmarks: free loopback ports, the built apps as child processes, their RSS and CPU
// time, and the Streamable HTTP session the tools/call loads run in.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A built app (`dist/apps/<app>/main.js`) on loopback, its output kept; resolves once `readyPath` answers 200. */
export async function startApp(app, env, readyUrl) {
  const main = join(ROOT, 'dist', 'apps', app, 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  return startScript(main, [], env, readyUrl);
}

/** Every process the benchmark started and has not stopped: a benchmark stopped by a signal ends them too. */
const children = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of children) child.kill('SIGKILL');
    // A runner with its own handler (scripts/load.mjs) ends the rest and exits itself.
    if (process.listenerCount(signal) === 0) process.exit(130);
  });
}

/** A Node script with its arguments on loopback, as startApp runs an app. */
export async function startScript(main, args, env, readyUrl) {
  const child = spawn(process.execPath, [main, ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'warn',
      ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const output = { text: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output.text += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output.text += chunk));
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(readyUrl)).ok) return { child, output, stop: () => stopChild(child) };
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  child.kill('SIGKILL');
  throw new Error(`${main} did not become ready at ${readyUrl}:\n${output.text}`);
}

async function stopChild(child) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
  await new Promise((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
}

/** Resident set size of a process, in MiB (Linux /proc). */
export function rssMiB(pid) {
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return kb / 1024;
}

/** CPU time (user + system) a process has used so far, in seconds (Linux /proc; clock ticks of 1/100 s). */
export function cpuSeconds(pid) {
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export const MCP_HEADERS = {
  'Content-Type': 'application/json',
  Accept: 'application/json, text/event-stream',
  'MCP-Protocol-Version': '2025-06-18',
};

/**
 * The loads' request (get_repository unless told otherwise); ids differ, as the server refuses an id
 * still in flight in the session.
 */
export const toolCall = (id, name = 'get_repository', args = { workspace: 'acme', repo: 'payments-api' }) =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });

/**
 * initialize + initialized: the session a load runs in, and (unless `checkCall` is false: an idle
 * session) one call checked by hand, as the load must measure successful answers. Resolves with the
 * session's headers and the checked call's text.
 */
export async function openSession(url, baseHeaders = MCP_HEADERS, { checkCall = true } = {}) {
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
  if (!checkCall) return { headers, text: '' };
  const check = await fetch(`${url}/mcp`, { method: 'POST', headers, body: toolCall(1) });
  const answer = await check.json();
  if (check.status !== 200 || answer.result?.isError === true || typeof answer.result?.content?.[0]?.text !== 'string')
    throw new Error(`get_repository answered ${check.status}: ${JSON.stringify(answer)}`);
  return { headers, text: answer.result.content[0].text };
}

/** DELETE /mcp: the client ends the session (docs/transports.md); resolves with the answer's status. */
export async function closeSession(url, headers) {
  const res = await fetch(`${url}/mcp`, { method: 'DELETE', headers });
  await res.arrayBuffer();
  return res.status;
}

/**
 * The option `name` of parseArgs' `values` as a number from `min` to `max` (an integer unless
 * `fractional`); a benchmark given anything else says so and exits 2 (could not run).
 */
export function numberOption(values, name, min, max, { fractional = false } = {}) {
  const value = Number(values[name]);
  if ((fractional ? !Number.isFinite(value) : !Number.isInteger(value)) || value < min || value > max) {
    process.stderr.write(`bench: --${name} must be ${fractional ? 'a number' : 'an integer'} from ${min} to ${max}\n`);
    process.exit(2);
  }
  return value;
}

/**
 * The response times of an autocannon run's answers with `status`, each kept (autocannon's own histogram
 * has 1 ms resolution), and how many had another status. `sorted()` once the run is over.
 */
export function responseTimes(instance, status) {
  let times = new Float64Array(1 << 16);
  const counted = {
    matching: 0,
    other: 0,
    sorted: () => [...times.subarray(0, counted.matching)].sort((a, b) => a - b),
  };
  instance.on('response', (_client, answered, _bytes, responseTime) => {
    if (answered !== status) {
      counted.other += 1;
      return;
    }
    if (counted.matching === times.length) {
      const grown = new Float64Array(times.length * 2);
      grown.set(times);
      times = grown;
    }
    times[counted.matching++] = responseTime;
  });
  return counted;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** The fake Bitbucket and the MCP HTTP server wired together, with an API key and full middleware; `serverEnv` wins. */
export async function startStack(serverEnv = {}) {
  const [fakePort, port] = [await freePort(), await freePort()];
  const fake = await startApp(
    'fake-bitbucket',
    { FAKE_BITBUCKET_PORT: String(fakePort) },
    `http://127.0.0.1:${fakePort}/health/ready`,
  );
  const apiKey = 'bench-api-key-0123456789abcdef';
  let server;
  try {
    server = await startApp(
      'mcp-http',
      {
        // As `npm start` and the container image run it (docs/operations.md, Memory), then BENCH_NODE_OPTIONS
        // (an inspector to profile the heap, say), which startScript would otherwise give the fake only.
        NODE_OPTIONS: ['--max-semi-space-size=8', process.env.BENCH_NODE_OPTIONS].filter(Boolean).join(' '),
        PORT: String(port),
        HOST: '127.0.0.1',
        BITBUCKET_URL: `http://127.0.0.1:${fakePort}/2.0`,
        BITBUCKET_EMAIL: 'alice@acme.example',
        BITBUCKET_API_TOKEN: 'ATATT-fake-alice',
        AUTH_METHODS: 'apikey',
        AUTH_API_KEYS: `bench:${apiKey}`,
        // Full middleware, the rate limits raised above the benchmark's rate (docs/SLA.md).
        RATE_LIMIT_IP_LIMIT: '10000000',
        RATE_LIMIT_USER_LIMIT: '10000000',
        RATE_LIMIT_WRITE_LIMIT: '10000000',
        ...serverEnv,
      },
      `http://127.0.0.1:${port}/health/ready`,
    );
  } catch (error) {
    await fake.stop();
    throw error;
  }
  return {
    fake,
    server,
    apiKey,
    fakeUrl: `http://127.0.0.1:${fakePort}`,
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await server.stop();
      await fake.stop();
    },
  };
}
