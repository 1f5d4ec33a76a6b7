import { SpawnedProcess } from '@app/testing';

describe('the fake Bitbucket on FAKE_BITBUCKET_PORT=0', () => {
  let fake: SpawnedProcess | undefined;

  afterEach(async () => {
    await fake?.stop();
  });

  it('listens on a free port the system picks and names it in the start-up log', async () => {
    fake = SpawnedProcess.start('fake-bitbucket', { FAKE_BITBUCKET_PORT: '0', LOG_LEVEL: 'info' });
    const [, port] = await fake.waitForStdout(/Listening on http:\/\/127\.0\.0\.1:(\d+)/);
    expect(Number(port)).toBeGreaterThan(0);
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);
  });
});
