import { freePort, SpawnedProcess, textAnswer } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

describe('npm run demo (scripts/demo.mjs: the fake Bitbucket and the HTTP server wired together)', () => {
  it('prints an MCP URL and client configurations that an SDK client uses, and Ctrl-C stops both', async () => {
    const [port, fakePort] = [await freePort(), await freePort()];
    const demo = SpawnedProcess.script('scripts/demo.mjs', {
      PORT: String(port),
      FAKE_BITBUCKET_PORT: String(fakePort),
    });
    try {
      await demo.waitForStdout(/Ctrl-C stops the demo\./, 20000);
      const output = demo.output;
      const url = /MCP URL \(Streamable HTTP\):\s+(\S+)/.exec(output)?.[1];
      expect(url).toBe(`http://127.0.0.1:${port}/mcp`);
      const apiKey = /API key \(X-API-Key header\):\s+(\S+)/.exec(output)?.[1] ?? '';
      expect(apiKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
      for (const client of ['Claude Desktop', 'Cursor', 'VS Code']) expect(output).toContain(client);
      // The key is inside the HTTP client configurations, so copying one is enough.
      expect(output).toContain(`"X-API-Key": "${apiKey}"`);
      expect(output).toContain('Seeded repository:          payments-api in workspace acme');
      expect(output).toContain('--tool-arg workspace=acme --tool-arg repo=payments-api');

      // Without the key the demo server refuses; with it, it serves.
      const anonymous = await fetch(url ?? '', { method: 'POST' });
      expect(anonymous.status).toBe(401);
      const client = new Client({ name: 'demo-test', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(url ?? ''), { requestInit: { headers: { 'X-API-Key': apiKey } } }),
      );
      expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('get_repository');
      const result = (await client.callTool({
        name: 'get_repository',
        arguments: { workspace: 'acme', repo: 'payments-api' },
      })) as CallToolResult;
      expect(result).toMatchObject(textAnswer('acme/payments-api'));
      await client.close();
    } finally {
      await demo.stop('SIGINT');
    }
    expect(await demo.exited).toEqual({ code: 0, signal: null });
    // Both children are gone with it: their ports are free again.
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${fakePort}/health/live`)).rejects.toThrow();
  }, 40000);

  it('on Data Center says the workspace argument is the project key, and the hint it prints works', async () => {
    const [port, fakePort] = [await freePort(), await freePort()];
    const demo = SpawnedProcess.script(
      'scripts/demo.mjs',
      { PORT: String(port), FAKE_BITBUCKET_PORT: String(fakePort) },
      ['--datacenter'],
    );
    try {
      await demo.waitForStdout(/Ctrl-C stops the demo\./, 20000);
      const output = demo.output;
      expect(output).toContain(
        'Seeded repository:          payments-api in project PLAT; on Data Center, workspace is the project key',
      );
      const hint = /--tool-name (\w+) --tool-arg workspace=(\S+) --tool-arg repo=(\S+)/.exec(output);
      expect(hint?.slice(1)).toEqual(['get_repository', 'PLAT', 'payments-api']);
      const apiKey = /API key \(X-API-Key header\):\s+(\S+)/.exec(output)?.[1] ?? '';
      const client = new Client({ name: 'demo-test', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`), {
          requestInit: { headers: { 'X-API-Key': apiKey } },
        }),
      );
      const result = (await client.callTool({
        name: 'get_repository',
        arguments: { workspace: 'PLAT', repo: 'payments-api' },
      })) as CallToolResult;
      expect(result).toMatchObject(textAnswer('PLAT/payments-api'));
      await client.close();
    } finally {
      await demo.stop('SIGINT');
    }
    expect(await demo.exited).toEqual({ code: 0, signal: null });
  }, 40000);
});
