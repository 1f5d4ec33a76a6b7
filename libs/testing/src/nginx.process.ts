import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { terminateChild } from './terminate-child';

/** Debian installs nginx in /usr/sbin, which is not on every user's PATH (scripts/ensure-nginx.sh installs it). */
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
/** What the master logs (at notice level) when a worker has exited, e.g. an old one after a reload. */
const WORKER_EXITED = /worker process \d+ exited/g;

export interface NginxOptions {
  /** After a reload, how long the old worker may finish its connections before it cuts them (nginx's default: forever). */
  readonly workerShutdownTimeout?: string;
}

/**
 * A throwaway nginx (the master and one worker, in the foreground) on loopback, its configuration,
 * pid, logs and temporary files in a temporary directory that `stop` removes: never the system's
 * service. `http` is what goes in its http {} context, given the directory (for log paths).
 */
export class NginxProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    /** Its prefix directory: nginx.conf, error.log, and whatever logs `http` puts there. */
    readonly directory: string,
    private readonly options: NginxOptions,
  ) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
  }

  /** Starts nginx and resolves once `port` (which `http` listens on) accepts connections. */
  static async start(
    http: (directory: string) => string,
    port: number,
    options: NginxOptions = {},
    timeoutMs = 10000,
  ): Promise<NginxProcess> {
    const directory = mkdtempSync(join(tmpdir(), 'nginx-'));
    // Run as root, nginx's worker is `nobody`, which must reach the temporary files.
    chmodSync(directory, 0o755);
    writeConfiguration(directory, http(directory), options);
    const child = spawn(
      NGINX,
      ['-p', directory, '-c', join(directory, 'nginx.conf'), '-e', join(directory, 'error.log'), '-g', 'daemon off;'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const nginx = new NginxProcess(child, directory, options);
    let failure: string | undefined;
    child.once(
      'error',
      (error) => (failure = `cannot run nginx (scripts/ensure-nginx.sh installs it): ${error.message}`),
    );
    child.once('exit', (code, signal) => (failure ??= `nginx exited (${code ?? signal ?? '?'})`));
    const deadline = Date.now() + timeoutMs;
    while (!(await accepts(port))) {
      if (failure !== undefined || Date.now() > deadline) {
        await nginx.stop();
        throw new Error(`${failure ?? `nginx not listening on ${port} after ${timeoutMs} ms`}\n${nginx.output}`);
      }
      await sleep(25);
    }
    return nginx;
  }

  /** Its error log (notice level: reloads, workers, every upstream it could not reach). */
  errorLog(): string {
    return readFileSync(join(this.directory, 'error.log'), 'utf8');
  }

  /**
   * SIGHUP: nginx reads its configuration again and starts a new worker; the old one stops taking
   * requests and exits once its connections end (or `workerShutdownTimeout` cuts them). Resolves
   * once it has exited: from then on, every request is handled by the new configuration.
   */
  async reload(timeoutMs = 15000): Promise<void> {
    const exited = this.workersExited();
    this.child.kill('SIGHUP');
    const deadline = Date.now() + timeoutMs;
    while (this.workersExited() === exited) {
      if (Date.now() > deadline) throw new Error(`nginx's old worker still running ${timeoutMs} ms after a reload`);
      await sleep(20);
    }
  }

  /** Replaces what goes in the http {} context, then reloads. */
  async reconfigure(http: (directory: string) => string): Promise<void> {
    writeConfiguration(this.directory, http(this.directory), this.options);
    await this.reload();
  }

  /** Fast shutdown (SIGTERM), then removes its directory. */
  async stop(): Promise<void> {
    await terminateChild(this.child);
    rmSync(this.directory, { recursive: true, force: true });
  }

  private workersExited(): number {
    return existsSync(join(this.directory, 'error.log')) ? (this.errorLog().match(WORKER_EXITED) ?? []).length : 0;
  }
}

function writeConfiguration(directory: string, http: string, options: NginxOptions): void {
  const path = (name: string): string => join(directory, name);
  writeFileSync(
    path('nginx.conf'),
    [
      'worker_processes 1;',
      `pid ${path('nginx.pid')};`,
      `error_log ${path('error.log')} notice;`,
      ...(options.workerShutdownTimeout === undefined
        ? []
        : [`worker_shutdown_timeout ${options.workerShutdownTimeout};`]),
      'events { worker_connections 1024; }',
      'http {',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${path(kind)};`),
      http,
      '}',
      '',
    ].join('\n'),
  );
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}
