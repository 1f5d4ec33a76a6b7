import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port';
import { terminateChild } from './terminate-child';

/** What Prometheus's HTTP API answers (https://prometheus.io/docs/prometheus/latest/querying/api/). */
export interface PrometheusAnswer<T> {
  readonly status: 'success' | 'error';
  readonly data?: T;
  readonly errorType?: string;
  readonly error?: string;
}

/** One series of a query's answer: `value` from an instant query, `values` from a range query. */
export interface PrometheusSeries {
  readonly metric: Readonly<Record<string, string>>;
  readonly value?: readonly [number, string];
  readonly values?: readonly (readonly [number, string])[];
}

/** The `data` of a query. */
export interface PrometheusQueryData {
  readonly resultType: 'vector' | 'matrix';
  readonly result: readonly PrometheusSeries[];
}

/**
 * A throwaway `prometheus` (from PATH: scripts/ensure-prometheus.sh installs Debian's) on a free
 * loopback port, with its configuration and storage in a temporary directory that `stop` removes.
 * Never the system's service on :9090.
 */
export class PrometheusProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly directory: string,
    /** `http://127.0.0.1:<port>` */
    readonly url: string,
  ) {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk));
  }

  /** Runs prometheus on `config` (prometheus.yml text; relative paths in it are read from the temporary directory). */
  static async start(config: string, timeoutMs = 15000): Promise<PrometheusProcess> {
    const directory = mkdtempSync(join(tmpdir(), 'prometheus-'));
    writeFileSync(join(directory, 'prometheus.yml'), config);
    const url = `http://127.0.0.1:${await freePort()}`;
    const child = spawn(
      'prometheus',
      [
        `--config.file=${join(directory, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(directory, 'data')}`,
        `--web.listen-address=${url.slice('http://'.length)}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const prometheus = new PrometheusProcess(child, directory, url);
    let failure: string | undefined;
    child.once('error', (error) => (failure = `cannot run prometheus (it must be on PATH): ${error.message}`));
    child.once('exit', (code, signal) => (failure ??= `prometheus exited (${code ?? signal ?? '?'})`));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (failure === undefined) {
        try {
          if ((await fetch(`${url}/-/ready`)).ok) return prometheus;
        } catch {
          // not listening yet
        }
      }
      if (failure !== undefined || Date.now() > deadline) {
        await prometheus.stop();
        throw new Error(`${failure ?? `prometheus not ready after ${timeoutMs} ms`}\n${prometheus.output}`);
      }
      await sleep(50);
    }
  }

  /** GET `/api/v1/<path>` with `params`; the answer whatever its status, so a test can show Prometheus's error. */
  async api<T>(path: string, params: Record<string, string | readonly string[]> = {}): Promise<PrometheusAnswer<T>> {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      for (const one of typeof value === 'string' ? [value] : value) query.append(name, one);
    }
    const res = await fetch(`${this.url}/api/v1/${path}?${query.toString()}`);
    return (await res.json()) as PrometheusAnswer<T>;
  }

  /** An instant query at the latest time. */
  async query(expr: string): Promise<PrometheusAnswer<PrometheusQueryData>> {
    return this.api<PrometheusQueryData>('query', { query: expr });
  }

  /** A range query from `startMs` to `endMs` (epoch milliseconds), one point every `stepSeconds`. */
  async queryRange(
    expr: string,
    startMs: number,
    endMs: number,
    stepSeconds = 1,
  ): Promise<PrometheusAnswer<PrometheusQueryData>> {
    return this.api<PrometheusQueryData>('query_range', {
      query: expr,
      start: String(startMs / 1000),
      end: String(endMs / 1000),
      step: String(stepSeconds),
    });
  }

  /** Everything it logged (warnings and errors: it runs with --log.level=warn). */
  get log(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    await terminateChild(this.child);
    rmSync(this.directory, { recursive: true, force: true });
  }
}
