import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port';
import { SpawnedProcess } from './spawned-process';

export interface FakeRequestRecord {
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly outcome: 'pending' | 'answered' | 'aborted';
  readonly status?: number;
  readonly durationMs?: number;
  readonly faultId?: number;
  readonly traceparent?: string;
  readonly tracestate?: string;
}

/** The built fake Bitbucket (dist/apps/fake-bitbucket) in its own process on a free loopback port. */
export class FakeBitbucketProcess {
  private constructor(
    private readonly process: SpawnedProcess,
    /** `http://127.0.0.1:<port>` */
    readonly url: string,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<FakeBitbucketProcess> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const process = await SpawnedProcess.startReady(
      'fake-bitbucket',
      { FAKE_BITBUCKET_PORT: String(port), ...env },
      `${url}/health/ready`,
    );
    return new FakeBitbucketProcess(process, url);
  }

  /** Bitbucket Cloud base URL (`BITBUCKET_URL` for a Cloud gateway). */
  get cloudUrl(): string {
    return `${this.url}/2.0`;
  }

  /** Bitbucket Data Center base URL (`BITBUCKET_URL` for a Data Center gateway). */
  get datacenterUrl(): string {
    return this.url;
  }

  async admin(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.url}/__fake/${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`fake admin ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? undefined : res.json();
  }

  async reset(): Promise<void> {
    await this.admin('POST', 'reset');
  }

  async addFault(rule: Record<string, unknown>): Promise<number> {
    return ((await this.admin('POST', 'faults', rule)) as { id: number }).id;
  }

  async clearFaults(): Promise<void> {
    await this.admin('DELETE', 'faults');
  }

  async settings(values: Record<string, unknown>): Promise<void> {
    await this.admin('PUT', 'settings', values);
  }

  async requests(filter: { method?: string; path?: string } = {}): Promise<FakeRequestRecord[]> {
    const query = new URLSearchParams(filter as Record<string, string>).toString();
    return (
      (await this.admin('GET', `requests${query === '' ? '' : `?${query}`}`)) as { requests: FakeRequestRecord[] }
    ).requests;
  }

  /** Resolves once a request whose path matches `path` (a regular expression) is in progress, e.g. held by a latency fault. */
  async waitForPendingRequest(path: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.requests({ path })).some(({ outcome }) => outcome === 'pending')) {
      if (Date.now() > deadline) throw new Error(`no request to ${path} in progress after ${timeoutMs} ms`);
      await sleep(20);
    }
  }

  async clearRequests(): Promise<void> {
    await this.admin('DELETE', 'requests');
  }

  get output(): string {
    return this.process.output;
  }

  async stop(): Promise<void> {
    await this.process.stop('SIGTERM');
  }
}
