import { SpawnedProcess } from '@app/testing';
import { join } from 'node:path';

/** Makes the process report Node 20.19.0 before anything else loads (test/fixtures/old-node.cjs). */
const OLD_NODE = { NODE_OPTIONS: `--require ${join(__dirname, 'fixtures', 'old-node.cjs')}` };

describe('start-up checks of every entry point (built apps, bin, the demo)', () => {
  it.each([
    'dist/apps/mcp-http/main.js',
    'dist/apps/mcp-stdio/main.js',
    'dist/apps/fake-bitbucket/main.js',
    'bin/bitbucket-mcp.js',
    'scripts/demo.mjs',
  ])('%s refuses an older Node with one line naming the version it needs, before loading anything', async (entry) => {
    const started = SpawnedProcess.script(entry, OLD_NODE);
    started.child.stdin?.end();
    expect(await started.exited).toEqual({ code: 1, signal: null });
    expect(started.stdout).toBe('');
    expect(started.stderr).toMatch(
      /^bitbucket-mcp-server needs Node\.js 24 or newer, and this is Node\.js 20\.19\.0: [^\n]*\n$/,
    );
  });

  it('stdio without a Bitbucket URL or credential warns on stderr that it would call api.bitbucket.org', async () => {
    const started = SpawnedProcess.start('mcp-stdio', {});
    // The client closing stdin ends the server, once started.
    started.child.stdin?.end();
    expect(await started.exited).toEqual({ code: 0, signal: null });
    expect(started.stdout).toBe('');
    expect(started.stderr).toContain(
      'No Bitbucket credentials configured: calls to https://api.bitbucket.org/2.0 go out anonymously',
    );
    expect(started.stderr).toContain('Set BITBUCKET_URL and a credential');
  });
});
