import { FakeBitbucketProcess, REPO_ROOT } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import { describeToolSuite } from '../../../test/tool-suite/tool-suite';

describe('the MCP tools over stdio (the built mcp-stdio app, the SDK StdioClientTransport)', () => {
  let fake: FakeBitbucketProcess;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });

  afterAll(async () => {
    await fake.stop();
  });

  describeToolSuite(
    'stdio',
    () => fake,
    async (running, flavor, env = {}) => {
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: ['dist/apps/mcp-stdio/main.js'],
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...bitbucketEnv(running, flavor), ...env },
        stderr: 'pipe',
      });
      const client = new Client({ name: 'tool-suite', version: '1.0.0' });
      await client.connect(transport);
      return { client, close: async () => client.close() };
    },
  );
});
