import { FakeBitbucketProcess, McpHttpProcess } from '@app/testing';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import { openSession, post, toolCallRequest } from './mcp-http-client';
import { Started } from './started';

const REPOSITORY = { workspace: 'acme', repo: 'payments-api' };

describe('health probes while the Bitbucket breaker is open (the built mcp-http app, faults in the fake)', () => {
  let fake: FakeBitbucketProcess;
  let server: McpHttpProcess;
  const started = new Started();

  beforeAll(async () => {
    fake = started.add(await FakeBitbucketProcess.start(), async (running) => running.stop());
    server = started.add(
      await McpHttpProcess.start({
        ...bitbucketEnv(fake, 'cloud'),
        // No retries, and a breaker that opens after 2 calls and stays open for the whole test.
        BITBUCKET_RETRY_MAX: '0',
        BITBUCKET_BREAKER_VOLUME_THRESHOLD: '2',
        BITBUCKET_BREAKER_RESET_TIMEOUT_MS: '600000',
      }),
      async (running) => running.stop(),
    );
  }, 30000);

  afterAll(async () => started.stopAll(), 30000);

  it('keeps readiness and liveness 200 while calls fail fast', async () => {
    const session = await openSession(server.mcpUrl);
    const getRepository = async (id: number): Promise<string> => {
      const res = await post(server.mcpUrl, toolCallRequest('get_repository', REPOSITORY, id), {
        'Mcp-Session-Id': session,
      });
      return res.text();
    };
    expect(await getRepository(1)).toContain('"text":"acme/payments-api');

    await fake.addFault({ path: '^/2\\.0/', status: 503 });
    // Until the breaker opens, each call reaches the fake and fails on its 503.
    let failFast = false;
    for (let id = 2; id < 12 && !failFast; id += 1) {
      await fake.clearRequests();
      const answer = await getRepository(id);
      expect(answer).toMatch(/BITBUCKET_UPSTREAM_(ERROR|UNAVAILABLE)/);
      failFast = answer.includes('BITBUCKET_UPSTREAM_UNAVAILABLE') && (await fake.requests()).length === 0;
    }
    expect(failFast).toBe(true);

    // Readiness stays up: Bitbucket's outage is not this replica's, and failing every replica's
    // readiness would turn it into a total outage (docs/operations.md, Health probes).
    const started = Date.now();
    const ready = await fetch(`${server.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', info: { lifecycle: { status: 'up' } } });
    expect(Date.now() - started).toBeLessThan(1000);
    const live = await fetch(`${server.url}/health/live`);
    expect(live.status).toBe(200);
    await live.text();

    // Still open: the next call fails fast too, without a request to Bitbucket.
    await fake.clearRequests();
    expect(await getRepository(20)).toContain('BITBUCKET_UPSTREAM_UNAVAILABLE');
    expect(await fake.requests()).toEqual([]);
  });
});
