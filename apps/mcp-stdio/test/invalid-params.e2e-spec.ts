import { FakeBitbucketProcess, REPO_ROOT } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
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
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: ['dist/apps/mcp-stdio/main.js'],
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...bitbucketEnv(fake, 'cloud') },
        stderr: 'pipe',
      }),
    );
    try {
      await expectInvalidParamsRefused(client);
    } finally {
      await client.close();
    }
  }, 15000);
});
