import { FakeBitbucketProcess, stdioServerTransport } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { expectInvalidParamsRefused } from '../../../test/protocol/invalid-params';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';

describe('params that break their method’s schema over stdio (the built mcp-stdio app)', () => {
  let fake: FakeBitbucketProcess;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });

  afterAll(async () => {
    await fake.stop();
  });

  it('answers -32602 naming the field, with a correlation id, and keeps serving', async () => {
    const client = new Client({ name: 'invalid-params', version: '1.0.0' });
    await client.connect(stdioServerTransport({ ...bitbucketEnv(fake, 'cloud') }).transport);
    try {
      await expectInvalidParamsRefused(client);
    } finally {
      await client.close();
    }
  }, 15000);
});
