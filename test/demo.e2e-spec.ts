import { freePort, REPO_ROOT } from '@app/testing';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { spawn } from 'node:child_process';
import { once } from 'node:events';

describe('npm run demo (scripts/demo.mjs: the fake Bitbucket and the HTTP server wired together)', () => {
  it('prints an MCP URL and client configurations that an SDK client uses, and Ctrl-C stops both', async () => {
    const [port, fakePort] = [await freePort(), await freePort()];
    const demo = spawn(process.execPath, ['scripts/demo.mjs'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: String(port), FAKE_BITBUCKET_PORT: String(fakePort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    demo.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    demo.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = once(demo, 'exit');
    try {
      const deadline = Date.now() + 20000;
      while (!output.includes('Ctrl-C stops the demo.') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const url = /MCP URL \(Streamable HTTP\):\s+(\S+)/.exec(output)?.[1];
      expect(url).toBe(`http://127.0.0.1:${port}/mcp`);
      for (const client of ['Claude Desktop', 'Cursor', 'VS Code']) expect(output).toContain(client);

      const client = new Client({ name: 'demo-test', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(url ?? '')));
      expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('get_repository');
      const result = (await client.callTool({
        name: 'get_repository',
        arguments: { workspace: 'acme', repo: 'payments-api' },
      })) as CallToolResult;
      expect(result.structuredContent).toMatchObject({ slug: 'payments-api' });
      await client.close();
    } finally {
      demo.kill('SIGINT');
    }
    expect(await exited).toEqual([0, null]);
    // Both children are gone with it: their ports are free again.
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${fakePort}/health/live`)).rejects.toThrow();
  }, 40000);
});
