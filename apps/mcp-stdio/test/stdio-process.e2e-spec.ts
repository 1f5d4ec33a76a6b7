import { SpawnedProcess } from '@app/testing';
import { setTimeout as sleep } from 'node:timers/promises';

describe('mcp-stdio process', () => {
  it('keeps stdout free of logs and exits 0 when the client closes stdin', async () => {
    const client = SpawnedProcess.start('mcp-stdio', { LOG_LEVEL: 'debug' });
    const deadline = Date.now() + 5000;
    while (!client.stderr.includes('Ready on stdio') && Date.now() < deadline) await sleep(20);

    expect(client.stderr).toContain('Ready on stdio');
    client.child.stdin?.end();

    expect(await client.exited).toEqual({ code: 0, signal: null });
    expect(client.stdout).toBe('');
  });
});
