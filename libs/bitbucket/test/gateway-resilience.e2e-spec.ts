import { FakeBitbucketProcess } from '@app/testing';
import { BitbucketErrorCode } from '../src/bitbucket-error-code.enum';
import { BitbucketEvents } from '../src/bitbucket-events';
import { BitbucketException } from '../src/bitbucket.exception';
import { createBitbucketUpstream } from '../src/bitbucket-upstream.factory';
import { CloudApi } from '../src/cloud/cloud-api';
import { CloudContextApi } from '../src/cloud/cloud-context.api';
import { DatacenterApi } from '../src/datacenter/datacenter-api';
import { DatacenterContextApi } from '../src/datacenter/datacenter-context.api';
import type { BitbucketUpstream } from '../src/upstream/bitbucket-upstream';
import { configFor } from './gateway-config';
import { testPageCursors } from './test-page-cursors';

async function failureCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof BitbucketException ? error.code : `unexpected ${String(error)}`;
  }
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

describe('Bitbucket gateway resilience (real sockets, the fake Bitbucket)', () => {
  let fake: FakeBitbucketProcess;
  const upstreams: BitbucketUpstream[] = [];

  const cloud = (
    env: Record<string, string> = {},
  ): { context: CloudContextApi; upstream: BitbucketUpstream; events: BitbucketEvents } => {
    const events = new BitbucketEvents();
    const upstream = createBitbucketUpstream(
      configFor({
        BITBUCKET_URL: fake.cloudUrl,
        BITBUCKET_EMAIL: 'alice@acme.example',
        BITBUCKET_API_TOKEN: 'ATATT-fake-alice',
        ...env,
      }),
      events,
    );
    upstreams.push(upstream);
    return { context: new CloudContextApi(new CloudApi(upstream, testPageCursors())), upstream, events };
  };

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });
  beforeEach(async () => {
    await fake.reset();
  });
  afterEach(() => {
    for (const upstream of upstreams.splice(0)) upstream.shutdown();
  });
  afterAll(async () => {
    await fake.stop();
  });

  it('opens the breaker after the configured volume, then fails fast with zero upstream calls, and closes after recovery', async () => {
    const { context, upstream } = cloud({
      BITBUCKET_RETRY_MAX: '0',
      BITBUCKET_BREAKER_VOLUME_THRESHOLD: '5',
      BITBUCKET_BREAKER_ERROR_THRESHOLD_PERCENTAGE: '50',
      BITBUCKET_BREAKER_RESET_TIMEOUT_MS: '1500',
    });
    await fake.addFault({ path: '.*', status: 500 });
    for (let i = 0; i < 5; i += 1)
      expect(await failureCode(context.getCurrentUser())).toBe(BitbucketErrorCode.UPSTREAM_ERROR);
    expect(upstream.breakerState).toBe('open');

    const before = (await fake.requests()).length;
    const latencies: number[] = [];
    for (let i = 0; i < 1000; i += 1) {
      const started = performance.now();
      const code = await failureCode(context.getCurrentUser());
      latencies.push(performance.now() - started);
      expect(code).toBe(BitbucketErrorCode.UPSTREAM_UNAVAILABLE);
    }
    expect((await fake.requests()).length).toBe(before);
    expect(percentile(latencies, 99)).toBeLessThan(5);

    const rejection = await context.getCurrentUser().catch((error: unknown) => error as BitbucketException);
    expect(rejection).toMatchObject({
      code: BitbucketErrorCode.UPSTREAM_UNAVAILABLE,
      retryAfterSeconds: expect.any(Number) as number,
    });

    await fake.clearFaults();
    const recovered = Date.now();
    let closedAfter = Number.POSITIVE_INFINITY;
    while (Date.now() - recovered < 4000) {
      if ((await failureCode(context.getCurrentUser())) === 'resolved' && upstream.breakerState === 'closed') {
        closedAfter = Date.now() - recovered;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(closedAfter).toBeLessThanOrEqual(1500 + 1000);
  });

  it('refreshes an OAuth token that expired between two calls of one operation, once, with no error for the caller', async () => {
    const { context } = cloud({
      BITBUCKET_EMAIL: '',
      BITBUCKET_API_TOKEN: '',
      BITBUCKET_OAUTH_CLIENT_ID: 'fake-oauth-client-id',
      BITBUCKET_OAUTH_CLIENT_SECRET: 'fake-oauth-client-secret',
    });
    expect((await context.getCurrentUser()).name).toBe('alice');
    expect(await fake.admin('POST', 'oauth/expire-tokens')).toEqual({ expired: 1 });
    const page = await context.listProjects({ workspace: 'acme' });
    expect(page.items.map((p) => p.key)).toEqual(['PLAT', 'WEB']);

    const tokenRequests = await fake.requests({ path: '^/site/oauth2/access_token$' });
    expect(tokenRequests).toHaveLength(2);
    const refused = await fake.requests({ path: '^/2.0/workspaces/acme/projects$' });
    expect(refused.map((r) => r.status)).toEqual([401, 200]);
  });

  it('aborts the upstream request when the caller cancels, without counting it against the breaker', async () => {
    const { context, upstream } = cloud({ BITBUCKET_BREAKER_VOLUME_THRESHOLD: '3', BITBUCKET_RETRY_MAX: '0' });
    await fake.addFault({ path: '^/2.0/user$', hang: true });
    for (let i = 0; i < 5; i += 1) {
      const controller = new AbortController();
      setTimeout(() => {
        controller.abort();
      }, 100);
      expect(await failureCode(context.getCurrentUser({ signal: controller.signal }))).toBe(
        BitbucketErrorCode.CANCELLED,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const logged = await fake.requests({ path: '^/2.0/user$' });
    expect(logged).toHaveLength(5);
    expect(logged.every((r) => r.outcome === 'aborted')).toBe(true);
    expect(upstream.breakerState).toBe('closed');
  });

  it('retries a GET after a 503 and succeeds; never retries a POST', async () => {
    const { context, upstream } = cloud({ BITBUCKET_RETRY_BASE_DELAY_MS: '50' });
    await fake.addFault({ path: '^/2.0/user$', status: 503, times: 1 });
    expect((await context.getCurrentUser()).name).toBe('alice');
    expect((await fake.requests({ path: '^/2.0/user$' })).map((r) => r.status)).toEqual([503, 200]);

    await fake.addFault({ path: '/refs/branches$', method: 'POST', status: 503, times: 1 });
    const post = upstream.send({
      method: 'POST',
      route: 'POST /repositories/{workspace}/{repo}/refs/branches',
      path: '/repositories/acme/payments-api/refs/branches',
      json: { name: 'retry-check', target: { hash: 'main' } },
    });
    expect(await failureCode(post)).toBe(BitbucketErrorCode.UPSTREAM_ERROR);
    expect(await fake.requests({ method: 'POST', path: '/refs/branches$' })).toHaveLength(1);
  });

  it('waits for Data Center’s Retry-After before retrying a 429', async () => {
    const events = new BitbucketEvents();
    const upstream = createBitbucketUpstream(
      configFor({
        BITBUCKET_URL: fake.datacenterUrl,
        BITBUCKET_USERNAME: 'alice',
        BITBUCKET_PASSWORD: 'alice-password',
      }),
      events,
    );
    upstreams.push(upstream);
    const retries: number[] = [];
    events.on('retry', (event) => retries.push(event.delayMs));
    await fake.addFault({
      path: '^/rest/api/latest/users/',
      rateLimit: { budget: 0, windowMs: 60000, retryAfterSeconds: 1 },
      times: 1,
    });
    const started = Date.now();
    const user = await new DatacenterContextApi(new DatacenterApi(upstream, testPageCursors())).getCurrentUser();
    expect(user.name).toBe('alice');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(retries).toEqual([1000]);
    expect((await fake.requests({ path: '^/rest/api/latest/users/' })).map((r) => r.status)).toEqual([429, 200]);
  });

  it('backs off on Cloud’s header-less 429 and reports the rate limit when retries run out', async () => {
    const { context, events } = cloud({ BITBUCKET_RETRY_MAX: '1', BITBUCKET_RETRY_BASE_DELAY_MS: '100' });
    const delays: number[] = [];
    events.on('retry', (event) => delays.push(event.delayMs));
    await fake.addFault({ path: '^/2.0/user$', rateLimit: { budget: 0, windowMs: 60000 } });
    const error = await context.getCurrentUser().catch((e: unknown) => e as BitbucketException);
    expect(error).toMatchObject({
      code: BitbucketErrorCode.RATE_LIMITED,
      retryAfterSeconds: expect.any(Number) as number,
    });
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeLessThanOrEqual(100);
  });

  it('shares one upstream call among 50 identical concurrent GETs', async () => {
    const { context } = cloud();
    await fake.addFault({ path: '^/2.0/user$', latencyMs: 200 });
    const users = await Promise.all(Array.from({ length: 50 }, async () => context.getCurrentUser()));
    expect(new Set(users.map((u) => u.name))).toEqual(new Set(['alice']));
    expect(await fake.requests({ path: '^/2.0/user$' })).toHaveLength(1);
  });

  it('maps Bitbucket’s answers to codes and messages naming the resource, never its body', async () => {
    const { upstream } = cloud();
    const error = await upstream
      .send({ method: 'GET', route: 'GET /repositories/{workspace}/{repo}', path: '/repositories/acme/nope' })
      .catch((e: unknown) => e as BitbucketException);
    expect(error).toBeInstanceOf(BitbucketException);
    expect(error).toMatchObject({ code: BitbucketErrorCode.NOT_FOUND, params: { status: 404 } });
    // Cloud's sentence says no more than the message naming the repository: it is not kept.
    expect(error).toMatchObject({
      messageKey: 'BITBUCKET_NOT_FOUND_REPOSITORY',
      params: { repository: 'acme/nope', workspace: 'acme' },
    });
    expect((error as BitbucketException).params).not.toHaveProperty('upstreamText');
    expect(JSON.stringify(error)).not.toContain('"type":"error"');
  });
});
