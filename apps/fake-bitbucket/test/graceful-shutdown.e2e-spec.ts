import { basicAuth, freePort, SpawnedProcess } from '@app/testing';
import { setTimeout as sleep } from 'node:timers/promises';

describe('graceful shutdown of an HTTP app (the fake Bitbucket, made slow by a latency fault)', () => {
  let server: SpawnedProcess | undefined;

  afterEach(async () => {
    await server?.stop('SIGKILL');
  });

  it('finishes the in-flight request, answers readiness 503 meanwhile, then exits 0', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = SpawnedProcess.start('fake-bitbucket', {
      FAKE_BITBUCKET_PORT: String(port),
      SHUTDOWN_GRACE_PERIOD_MS: '10000',
    });
    await server.waitForHttp(`${base}/health/ready`);
    const fault = await fetch(`${base}/__fake/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '^/2.0/user$', latencyMs: 1500 }),
    });
    expect(fault.status).toBe(201);

    const slow = fetch(`${base}/2.0/user`, {
      headers: { Authorization: basicAuth('alice@acme.example', 'ATATT-fake-alice') },
    });
    await sleep(200);
    server.child.kill('SIGTERM');
    await sleep(200);

    const readiness = await fetch(`${base}/health/ready`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({ status: 'error', error: { lifecycle: { state: 'draining' } } });

    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });

  it('closes a request that outlives the grace period and still exits 0', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = SpawnedProcess.start('fake-bitbucket', {
      FAKE_BITBUCKET_PORT: String(port),
      SHUTDOWN_GRACE_PERIOD_MS: '300',
    });
    await server.waitForHttp(`${base}/health/ready`);
    await fetch(`${base}/__fake/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '^/2.0/user$', latencyMs: 60000 }),
    });

    const stuck = fetch(`${base}/2.0/user`).then(
      () => 'answered',
      () => 'connection closed',
    );
    await sleep(200);
    const stoppedAt = Date.now();
    server.child.kill('SIGTERM');

    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - stoppedAt).toBeLessThan(3000);
    expect(await stuck).toBe('connection closed');
  });

  it('closes a request a hang fault holds at once, without waiting for the grace period', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = SpawnedProcess.start('fake-bitbucket', {
      FAKE_BITBUCKET_PORT: String(port),
      SHUTDOWN_GRACE_PERIOD_MS: '10000',
    });
    await server.waitForHttp(`${base}/health/ready`);
    await fetch(`${base}/__fake/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '^/2.0/user$', hang: true }),
    });

    const hung = fetch(`${base}/2.0/user`).then(
      () => 'answered',
      () => 'connection closed',
    );
    await sleep(200);
    const stoppedAt = Date.now();
    server.child.kill('SIGTERM');

    expect(await hung).toBe('connection closed');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - stoppedAt).toBeLessThan(2000);
  });
});
