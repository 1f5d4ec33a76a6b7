import { FakeBitbucketProcess, McpHttpProcess, textAnswer } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import { ACCEPT_BOTH, initializeRequest, jsonRpcError, openSession, post } from './mcp-http-client';
import { SseReader } from './sse-reader';

describe('graceful shutdown of the MCP HTTP server (SIGTERM with a call in flight and a stream open)', () => {
  let fake: FakeBitbucketProcess;

  beforeAll(async () => {
    fake = await FakeBitbucketProcess.start();
  });

  afterAll(async () => {
    await fake.stop();
  });

  it('turns readiness 503 (liveness stays 200), refuses new sessions, closes open streams, lets the call finish, then exits 0', async () => {
    const server = await McpHttpProcess.start({ ...bitbucketEnv(fake, 'cloud'), SHUTDOWN_GRACE_PERIOD_MS: '10000' });
    await fake.addFault({ path: '^/2\\.0/repositories/acme/payments-api$', latencyMs: 1500 });

    const client = new Client({ name: 'shutdown', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(server.mcpUrl));
    const sessionId = await openSession(server.mcpUrl);
    const standalone = new SseReader(
      await fetch(server.mcpUrl, { headers: { Accept: ACCEPT_BOTH, 'Mcp-Session-Id': sessionId } }),
    );

    const call = client.callTool({ name: 'get_repository', arguments: { workspace: 'acme', repo: 'payments-api' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.process.child.kill('SIGTERM');

    await standalone.ended();
    // Draining, the call still running: out of the load balancer, but alive (no restart mid-drain).
    const ready = await fetch(`${server.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { error: { code: string } }).error.code).toBe('SERVICE_UNAVAILABLE');
    const live = await fetch(`${server.url}/health/live`);
    expect(live.status).toBe(200);
    await live.text();
    const refused = await post(server.mcpUrl, initializeRequest);
    expect(refused.status).toBe(503);
    expect((await jsonRpcError(refused)).data.code).toBe('MCP_SHUTTING_DOWN');

    const result = (await call) as CallToolResult;
    expect(result.isError).not.toBe(true);
    expect(result).toMatchObject(textAnswer('acme/payments-api'));
    expect(await server.process.exited).toEqual({ code: 0, signal: null });
  }, 20000);
});
