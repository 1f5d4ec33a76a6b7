import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port';

/**
 * A throwaway `redis-server` (from PATH) on a free loopback port, without persistence, for tests that
 * take Redis away and bring it back: never the shared one. It can be killed, frozen (its connections
 * stay open and nothing answers) and started again on the same port.
 */
export class RedisServerProcess {
  private child: ChildProcess | undefined;
  private output = '';

  private constructor(
    readonly port: number,
    private readonly password: string | undefined,
  ) {}

  /** With `password`, clients must authenticate (`requirepass`), and `url` carries it. */
  static async start(options: { password?: string } = {}): Promise<RedisServerProcess> {
    const server = new RedisServerProcess(await freePort(), options.password);
    await server.restart();
    return server;
  }

  get url(): string {
    return `redis://${this.password === undefined ? '' : `:${this.password}@`}127.0.0.1:${this.port}`;
  }

  /** Starts it (again, after `kill`) on its port; resolves once it accepts connections. */
  async restart(timeoutMs = 10000): Promise<void> {
    if (this.child !== undefined) throw new Error('redis-server is already running');
    this.output = '';
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    if (this.password !== undefined) args.push('--requirepass', this.password);
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let failure: string | undefined;
    child.once('error', (error) => (failure = `cannot run redis-server (it must be on PATH): ${error.message}`));
    child.once('exit', (code, signal) => (failure ??= `redis-server exited (${code ?? signal ?? '?'})`));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes('Ready to accept connections')) {
      if (failure !== undefined || Date.now() > deadline) {
        this.child = undefined;
        child.kill('SIGKILL');
        throw new Error(`${failure ?? `redis-server not ready after ${timeoutMs} ms`}\n${this.output}`);
      }
      await sleep(10);
    }
  }

  /** SIGKILL: gone at once, its clients' connections dropped. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child === undefined) return;
    this.child = undefined;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
  }

  /** SIGSTOP: connections stay open, nothing answers (a hung or unreachable Redis). */
  freeze(): void {
    this.child?.kill('SIGSTOP');
  }

  thaw(): void {
    this.child?.kill('SIGCONT');
  }
}
