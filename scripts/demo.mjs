// `npm run demo`: the fake Bitbucket and the MCP HTTP server wired together on loopback, with safe
// local settings, so a newcomer can point an MCP client at a working server in one command.
//   npm run demo                    Bitbucket Cloud flavor
//   npm run demo -- --datacenter    Bitbucket Data Center flavor
// PORT and FAKE_BITBUCKET_PORT choose the ports (default 3000 and 7990; a busy one is replaced by a free one).
// Ctrl-C stops both.
// First: on an older Node it stops here, with one line naming the version needed.
import '../bin/node-version.js';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const datacenter = process.argv.includes('--datacenter');
const apps = ['mcp-http', 'mcp-stdio', 'fake-bitbucket'];

function log(line = '') {
  process.stdout.write(`${line}\n`);
}

function buildIfNeeded() {
  if (apps.every((app) => existsSync(join(root, 'dist', 'apps', app, 'main.js')))) return;
  log('demo: building (first run)...');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** `preferred` when it is free on loopback, else any free port. */
function port(preferred) {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => {
      const any = createServer();
      any.listen(0, '127.0.0.1', () => {
        const { port: free } = any.address();
        any.close(() => resolvePort(free));
      });
    });
    probe.listen(preferred, '127.0.0.1', () => probe.close(() => resolvePort(preferred)));
  });
}

const children = [];
function start(app, env) {
  const child = spawn(process.execPath, [join(root, 'dist', 'apps', app, 'main.js')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.once('exit', (code, signal) => {
    if (!stopping) {
      log(`demo: ${app} stopped unexpectedly (${signal ?? `exit ${code}`})`);
      void stop(1);
    }
  });
  children.push(child);
  return child;
}

async function waitReady(url, app) {
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  log(`demo: ${app} did not become ready at ${url}`);
  await stop(1);
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(
    children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)),
  );
  process.exit(code);
}

function clientConfigs(mcpUrl, bitbucket, apiKey) {
  const headers = { 'X-API-Key': apiKey };
  const stdio = {
    command: process.execPath,
    args: [join(root, 'dist', 'apps', 'mcp-stdio', 'main.js')],
    env: bitbucket,
  };
  return [
    ['Claude Desktop (claude_desktop_config.json), stdio', { mcpServers: { bitbucket: stdio } }],
    [
      'Claude Desktop (claude_desktop_config.json), HTTP through mcp-remote',
      {
        mcpServers: {
          bitbucket: { command: 'npx', args: ['-y', 'mcp-remote', mcpUrl, '--header', `X-API-Key:${apiKey}`] },
        },
      },
    ],
    ['Cursor (~/.cursor/mcp.json), HTTP', { mcpServers: { bitbucket: { url: mcpUrl, headers } } }],
    ['Cursor (~/.cursor/mcp.json), stdio', { mcpServers: { bitbucket: stdio } }],
    ['VS Code (.vscode/mcp.json), HTTP', { servers: { bitbucket: { type: 'http', url: mcpUrl, headers } } }],
    ['VS Code (.vscode/mcp.json), stdio', { servers: { bitbucket: { type: 'stdio', ...stdio } } }],
  ];
}

async function main() {
  buildIfNeeded();
  const fakePort = await port(Number(process.env.FAKE_BITBUCKET_PORT ?? 7990));
  const serverPort = await port(Number(process.env.PORT ?? 3000));
  const fakeUrl = `http://127.0.0.1:${fakePort}`;
  const bitbucket = datacenter
    ? { BITBUCKET_URL: fakeUrl, BITBUCKET_USERNAME: 'alice', BITBUCKET_PASSWORD: 'alice-password' }
    : {
        BITBUCKET_URL: `${fakeUrl}/2.0`,
        BITBUCKET_EMAIL: 'alice@acme.example',
        BITBUCKET_API_TOKEN: 'ATATT-fake-alice',
      };

  start('fake-bitbucket', { FAKE_BITBUCKET_PORT: String(fakePort) });
  await waitReady(`${fakeUrl}/health/ready`, 'fake-bitbucket');
  const serverUrl = `http://127.0.0.1:${serverPort}`;
  // Never an open server by accident: a fresh API key each run, printed only here.
  const apiKey = randomBytes(24).toString('base64url');
  start('mcp-http', {
    NODE_OPTIONS: '--max-semi-space-size=8',
    ...bitbucket,
    PORT: String(serverPort),
    HOST: '127.0.0.1',
    AUTH_METHODS: 'apikey',
    AUTH_API_KEYS: `demo:${apiKey}`,
  });
  await waitReady(`${serverUrl}/health/ready`, 'mcp-http');

  const mcpUrl = `${serverUrl}/mcp`;
  log();
  log(
    `Bitbucket MCP server demo (${datacenter ? 'Bitbucket Data Center' : 'Bitbucket Cloud'} flavor, fake Bitbucket at ${fakeUrl})`,
  );
  log();
  log(`  MCP URL (Streamable HTTP):  ${mcpUrl}`);
  log(`  Legacy HTTP+SSE:            ${serverUrl}/sse`);
  log(`  Health:                     ${serverUrl}/health/ready`);
  log(`  API key (X-API-Key header): ${apiKey}`);
  log(`  Acting on Bitbucket as:     alice (seeded user of the fake)`);
  // Data Center has projects, not workspaces: the tools' `workspace` argument takes the project key.
  const [workspace, where] = datacenter
    ? ['PLAT', 'project PLAT; on Data Center, workspace is the project key']
    : ['acme', 'workspace acme'];
  log(`  Seeded repository:          payments-api in ${where} (workspace=${workspace} repo=payments-api)`);
  log();
  const inspector = `npx @modelcontextprotocol/inspector --cli ${mcpUrl} --header "X-API-Key: ${apiKey}"`;
  log(`  Try it: ${inspector} --method tools/list`);
  log(
    `          ${inspector} --method tools/call --tool-name get_repository --tool-arg workspace=${workspace} --tool-arg repo=payments-api`,
  );
  log();
  log("  The stdio configurations below start a server of their own against this demo's fake Bitbucket,");
  log('  so their tool calls work only while the demo runs; the HTTP ones use the server above.');
  for (const [title, config] of clientConfigs(mcpUrl, bitbucket, apiKey)) {
    log();
    log(`${title}:`);
    log(JSON.stringify(config, null, 2));
  }
  log();
  log('Ctrl-C stops the demo.');
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
main().catch((error) => {
  log(`demo: ${error instanceof Error ? error.message : String(error)}`);
  void stop(1);
});
