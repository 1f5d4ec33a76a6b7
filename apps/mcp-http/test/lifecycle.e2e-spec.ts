import { freePort, SpawnedProcess } from '@app/testing';

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
});
