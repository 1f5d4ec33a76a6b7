import { basicAuth, FakeBitbucketProcess } from '@app/testing';

const CLOUD = { Authorization: basicAuth('alice@acme.example', 'ATATT-fake-alice') };
const DC = { Authorization: basicAuth('alice', 'alice-password') };
const CLOUD_USER = '/2.0/user';
const DC_PROJECTS = '/rest/api/latest/projects';

describe('fake Bitbucket fault injection (over real sockets)', () => {
  let fake: FakeBitbucketProcess;
  const get = async (path: string, headers: Record<string, string>, init: RequestInit = {}): Promise<Response> =>
    fetch(`${fake.url}${path}`, { headers, ...init });

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });
  beforeEach(async () => {
    await fake.reset();
  });
  afterAll(async () => {
    await fake.stop();
  });

  it('adds latency to the matching route only', async () => {
    await fake.addFault({ path: `^${CLOUD_USER}$`, latencyMs: 400 });
    let started = Date.now();
    expect((await get(CLOUD_USER, CLOUD)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    started = Date.now();
    expect((await get(DC_PROJECTS, DC)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(300);
  });

  it('answers a fixed status in each flavor’s error shape', async () => {
    await fake.addFault({ path: '.*', status: 503 });
    const cloud = await get(CLOUD_USER, CLOUD);
    expect(cloud.status).toBe(503);
    expect(await cloud.json()).toEqual({
      type: 'error',
      error: { message: expect.stringContaining('Service Unavailable') as string },
    });
    const dc = await get(DC_PROJECTS, DC);
    expect(dc.status).toBe(503);
    expect(await dc.json()).toEqual({
      errors: [
        { context: null, message: expect.stringContaining('Service Unavailable') as string, exceptionName: null },
      ],
    });
  });

  it('fails the given share of requests with an error rate, evenly', async () => {
    await fake.addFault({ path: `^${CLOUD_USER}$`, errorRate: 0.25, status: 502 });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await get(CLOUD_USER, CLOUD)).status);
    expect(statuses.filter((s) => s === 502)).toHaveLength(2);
    expect(statuses.filter((s) => s === 200)).toHaveLength(6);
  });

  it('applies a fault to the first N requests only with `times`, and counts only those as matched', async () => {
    const id = await fake.addFault({ path: `^${CLOUD_USER}$`, status: 503, times: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await get(CLOUD_USER, CLOUD)).status);
    expect(statuses).toEqual([503, 503, 200, 200]);
    expect(await fake.admin('GET', 'faults')).toEqual({ rules: [expect.objectContaining({ id, matched: 2 })] });
  });

  it('hangs until the client gives up, and the request log shows the abort', async () => {
    await fake.addFault({ path: `^${CLOUD_USER}$`, hang: true });
    await expect(get(CLOUD_USER, CLOUD, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [record] = await fake.requests({ path: `^${CLOUD_USER}$` });
    expect(record).toMatchObject({ method: 'GET', outcome: 'aborted' });
  });

  it('simulates a full outage by resetting connections', async () => {
    await fake.addFault({ path: '.*', outage: true });
    await expect(get(CLOUD_USER, CLOUD)).rejects.toThrow('fetch failed');
    await expect(get(DC_PROJECTS, DC)).rejects.toThrow('fetch failed');
    await fake.clearFaults();
    expect((await get(CLOUD_USER, CLOUD)).status).toBe(200);
  });

  it('rate-limits like Cloud: plain-text 429 without Retry-After, X-RateLimit headers for access tokens', async () => {
    await fake.addFault({ path: '^/2\\.0/', rateLimit: { budget: 2, windowMs: 60000 } });
    expect((await get(CLOUD_USER, CLOUD)).status).toBe(200);
    expect((await get(CLOUD_USER, CLOUD)).status).toBe(200);
    const limited = await get(CLOUD_USER, CLOUD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(limited.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await limited.text()).toBe('Rate limit for this resource has been exceeded');
    const token = await get(CLOUD_USER, { Authorization: 'Bearer fake-cloud-access-token-acme' });
    expect(token.status).toBe(429);
    expect(token.headers.get('x-ratelimit-limit')).toBe('2');
    expect(token.headers.get('x-ratelimit-resource')).toBe('api');
  });

  it('rate-limits like Data Center: 429 with Retry-After and a JSON error', async () => {
    await fake.addFault({ path: '^/rest/', rateLimit: { budget: 1, windowMs: 60000, retryAfterSeconds: 7 } });
    expect((await get(DC_PROJECTS, DC)).status).toBe(200);
    const limited = await get(DC_PROJECTS, DC);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toMatchObject({
      errors: [{ exceptionName: expect.stringContaining('RateLimit') as string }],
    });
  });

  it('counts requests per route and lists faults with how often they matched', async () => {
    const id = await fake.addFault({ path: `^${CLOUD_USER}$`, latencyMs: 1 });
    await get(CLOUD_USER, CLOUD);
    await get(CLOUD_USER, CLOUD);
    await get(DC_PROJECTS, DC);
    const counters = (await fake.admin('GET', 'counters')) as { total: number; byRoute: Record<string, number> };
    expect(counters.total).toBe(3);
    expect(counters.byRoute).toEqual({ [`GET ${CLOUD_USER}`]: 2, [`GET ${DC_PROJECTS}`]: 1 });
    expect(await fake.admin('GET', 'faults')).toEqual({ rules: [expect.objectContaining({ id, matched: 2 })] });
    await fake.admin('DELETE', `faults/${id}`);
    expect(await fake.admin('GET', 'faults')).toEqual({ rules: [] });
  });

  it('refuses a path that is not a regular expression with a 400 naming the field, in a rule and in a log filter', async () => {
    const rule = await fetch(`${fake.url}/__fake/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '(', status: 503 }),
    });
    expect(rule.status).toBe(400);
    expect(await rule.json()).toEqual({ error: 'path: Invalid regular expression: /(/: Unterminated group' });
    expect(await fake.admin('GET', 'faults')).toEqual({ rules: [] });

    const filter = await fetch(`${fake.url}/__fake/requests?path=${encodeURIComponent('[a')}`);
    expect(filter.status).toBe(400);
    expect(await filter.json()).toEqual({
      error: 'path: Invalid regular expression: /[a/: Unterminated character class',
    });
    const since = await fetch(`${fake.url}/__fake/requests?since=later`);
    expect(since.status).toBe(400);
    expect(await since.text()).toContain('since');
  });

  it('refuses a malformed fault rule with a 400 naming the field', async () => {
    const res = await fetch(`${fake.url}/__fake/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ latencyMs: -5 }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('latencyMs');
  });
});
