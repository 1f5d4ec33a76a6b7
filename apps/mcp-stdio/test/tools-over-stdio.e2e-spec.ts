import { FakeBitbucketProcess, stdioServerTransport } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import { describeToolSuite, TOOL_SUITE_ENV } from '../../../test/tool-suite/tool-suite';

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
      const { transport, logDir } = stdioServerTransport({
        ...bitbucketEnv(running, flavor),
        ...TOOL_SUITE_ENV,
        ...env,
      });
      const client = new Client({ name: 'tool-suite', version: '1.0.0' });
      await client.connect(transport);
      return { client, logDir, close: async () => client.close() };
    },
  );
});
