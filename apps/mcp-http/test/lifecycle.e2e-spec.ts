import { freePort, SpawnedProcess } from '@app/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('mcp-http process lifecycle', () => {
  let server: SpawnedProcess | undefined;

  afterEach(async () => {
    await server?.stop('SIGKILL');
    server = undefined;
  });

  it('answers /health/live within 3 s of launch and stops with exit code 0 on SIGTERM', async () => {
    const port = await freePort();
    server = SpawnedProcess.start('mcp-http', { PORT: String(port) });
    const elapsed = await server.waitForHttp(`http://127.0.0.1:${port}/health/live`, 3000);
    expect(elapsed).toBeLessThan(3000);

    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', info: { lifecycle: { status: 'up' } } });

    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  });

  it('refuses an invalid environment with one message listing every problem and no stack trace', async () => {
    server = SpawnedProcess.start('mcp-http', { PORT: 'abc', BITBUCKET_URL: 'not-a-url' });
    const exit = await server.exited;

    expect(exit.code).not.toBe(0);
    expect(server.stderr).toContain('PORT: expected an integer from 1 to 65535, got "abc"');
    expect(server.stderr).toContain('BITBUCKET_URL: expected an absolute http(s) URL, got "not-a-url"');
    expect(server.stderr.match(/Invalid configuration/g)).toHaveLength(1);
    expect(server.output).not.toMatch(/^\s+at /m);
  });

  it('answers unknown routes with a localized error body carrying the correlation id', async () => {
    const port = await freePort();
    server = SpawnedProcess.start('mcp-http', { PORT: String(port) });
    await server.waitForHttp(`http://127.0.0.1:${port}/health/live`);

    const res = await fetch(`http://127.0.0.1:${port}/nowhere`, {
      headers: { 'Accept-Language': 'fr-FR,fr;q=0.9', 'X-Request-Id': 'req-12345678' },
    });

    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('req-12345678');
    expect(await res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: "Rien n'est servi à cette adresse.", correlationId: 'req-12345678' },
    });
  });

  it('keeps serving, and stops on SIGTERM, once the readers of its stdout and stderr are gone (a log collector that died)', async () => {
    const port = await freePort();
    server = SpawnedProcess.start('mcp-http', { PORT: String(port), LOG_LEVEL: 'info' });
    await server.waitForHttp(`http://127.0.0.1:${port}/health/ready`);
    server.child.stdout?.destroy();
    server.child.stderr?.destroy();
    expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);

    // Every log line (here the shutdown's) used to fail with EPIPE, reported as an uncaught exception
    // that failed again: the process spun at full CPU, filling its log files, and never stopped.
    expect(await server.stop('SIGTERM', 10000)).toEqual({ code: 0, signal: null });
    const logged = readdirSync(server.logDir)
      .filter((name) => name.startsWith('mcp-http') && name.endsWith('.log'))
      .map((name) => readFileSync(join(server?.logDir ?? '', name), 'utf8'))
      .join('');
    expect(logged).toContain('SIGTERM received');
    expect(logged).not.toContain('Uncaught exception');
  });
});
