import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { basename } from 'node:path';
import { REPO_ROOT } from './repo-root';
import { spawnEnvironment } from './spawn-environment';

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A built app (dist/apps/<app>/main.js) or a Node script run as a real child process, its output captured. */
export class SpawnedProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<ProcessExit>;

  private constructor(
    readonly child: ChildProcess,
    /** Its LOG_DIR: a directory of its own in the e2e run's (see TestRun), unless the test set one. */
    readonly logDir: string,
  ) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = once(child, 'exit').then(([code, signal]) => ({
      code: code as number | null,
      signal: signal as NodeJS.Signals | null,
    }));
  }

  static start(app: string, env: Record<string, string>, args: string[] = []): SpawnedProcess {
    return SpawnedProcess.script(`dist/apps/${app}/main.js`, env, args);
  }

  /** Starts a built app and resolves once `readyUrl` answers 200; one that never does is stopped, not left running. */
  static async startReady(app: string, env: Record<string, string>, readyUrl: string): Promise<SpawnedProcess> {
    const started = SpawnedProcess.start(app, env);
    try {
      await started.waitForHttp(readyUrl);
    } catch (error) {
      await started.stop('SIGKILL');
      throw error;
    }
    return started;
  }

  /** `script` is relative to the repository root. */
  static script(script: string, env: Record<string, string>, args: string[] = []): SpawnedProcess {
    const name = /^dist\/apps\/([^/]+)\//.exec(script)?.[1] ?? basename(script).replace(/\..*$/, '');
    const environment = spawnEnvironment(name, { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env });
    const child = spawn(process.execPath, [script, ...args], {
      cwd: REPO_ROOT,
      env: environment,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new SpawnedProcess(child, environment.LOG_DIR ?? '');
  }

  /** Everything it printed, stdout then stderr. */
  get output(): string {
    return `${this.stdout}${this.stderr}`;
  }

  /**
   * Polls `url` until it answers 200, or fails with the process output after `timeoutMs`. The default
   * is a ceiling, not a service level (lifecycle.e2e-spec asserts the 3 s start): on a machine shared
   * with benchmarks a start has been seen to take 10 s.
   */
  async waitForHttp(url: string, timeoutMs = 20000): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs && this.child.exitCode === null && this.child.signalCode === null) {
      try {
        const res = await fetch(url);
        if (res.ok) return Date.now() - started;
      } catch {
        // not listening yet
      }
      await sleep(25);
    }
    throw new Error(
      `${url} not ready after ${Date.now() - started} ms\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`,
    );
  }

  /** Polls stdout until `pattern` matches, or fails with the process output after `timeoutMs` or once it exits. */
  async waitForStdout(pattern: RegExp, timeoutMs = 10000): Promise<RegExpExecArray> {
    const started = Date.now();
    for (;;) {
      const match = pattern.exec(this.stdout);
      if (match !== null) return match;
      if (Date.now() - started >= timeoutMs || this.child.exitCode !== null || this.child.signalCode !== null) break;
      await sleep(10);
    }
    throw new Error(
      `no ${String(pattern)} on stdout after ${Date.now() - started} ms\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`,
    );
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 15000): Promise<ProcessExit> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}
