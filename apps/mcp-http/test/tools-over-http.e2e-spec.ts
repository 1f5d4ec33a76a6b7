import { FakeBitbucketProcess, McpHttpProcess } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import { describeToolSuite, TOOL_SUITE_ENV, type ToolSuiteConnector } from '../../../test/tool-suite/tool-suite';

/** A connector that starts the built HTTP server for the flavor and connects through `transport`. */
function httpConnector(transport: (server: McpHttpProcess) => Transport): ToolSuiteConnector {
  return async (fake, flavor, env = {}) => {
    const server = await McpHttpProcess.start({ ...bitbucketEnv(fake, flavor), ...TOOL_SUITE_ENV, ...env });
    const client = new Client({ name: 'tool-suite', version: '1.0.0' });
    await client.connect(transport(server));
    return {
      client,
      logDir: server.logDir,
      close: async () => {
        await client.close();
        await server.stop();
      },
    };
  };
}

describe('the MCP tools over HTTP (the built mcp-http app, the SDK HTTP client transports)', () => {
  let fake: FakeBitbucketProcess;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });

  afterAll(async () => {
    await fake.stop();
  });

  describeToolSuite(
    'Streamable HTTP',
    () => fake,
    httpConnector((server) => new StreamableHTTPClientTransport(server.mcpUrl)),
  );
  describeToolSuite(
    'legacy HTTP+SSE',
    () => fake,
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the legacy transport is what this suite proves.
    httpConnector((server) => new SSEClientTransport(server.sseUrl)),
  );
});
