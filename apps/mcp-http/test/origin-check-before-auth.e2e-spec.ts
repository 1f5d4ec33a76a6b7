import { request as httpRequest } from 'node:http';
import { FakeBitbucketProcess, OAuthServerProcess, type McpHttpProcess } from '@app/testing';
import { bearer, initializeRequest, jsonRpcError, post } from './mcp-http-client';
import { introspectionClientEnv, jwksFetches, startResourceServer } from './oauth-resource-server';

const ALLOWED_ORIGIN = 'https://app.example.com';

/** POST /mcp with a Host header of our choosing (fetch always sends the URL's own). */
async function postWithHost(
  server: McpHttpProcess,
  host: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: { error: { data: { code: string } } } }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      server.mcpUrl,
      {
        method: 'POST',
        headers: {
          ...headers,
          Host: host,
          'Content-Type': 'application/json',
          Accept: 'application/json, text/event-stream',
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as never });
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(initializeRequest));
  });
}

/**
 * A hostile page must never make the server check a credential: no JWKS fetch, no introspection call, no discovery,
 * so it can neither load the authorization server nor probe tokens through us. Watched from the authorization
 * server itself (it records every request its endpoints receive) and from the server's own log.
 */
describe('the Origin and Host checks run before authentication (the built mcp-http app over real sockets)', () => {
  let oauth: OAuthServerProcess;
  let fake: FakeBitbucketProcess;
  /** AUTH_METHODS=oauth2, bound to loopback (so the Host check is on), introspecting opaque tokens. */
  let server: McpHttpProcess;

  const started: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    [oauth, fake] = await Promise.all([OAuthServerProcess.start(), FakeBitbucketProcess.start()]);
    started.push(oauth, fake);
    server = await startResourceServer(oauth, fake, {
      AUTH_METHODS: 'oauth2',
      CORS_ORIGINS: ALLOWED_ORIGIN,
      ...introspectionClientEnv(oauth),
    });
    started.push(server);
  });

  afterAll(async () => {
    await Promise.all(started.map(async (process) => process.stop()));
  });

  it('refuses a foreign page carrying valid tokens without asking the authorization server anything; the same tokens are verified there once allowed', async () => {
    const jwt = await oauth.clientCredentialsToken({ resource: server.mcpUrl.href, format: 'jwt' });
    const opaque = await oauth.clientCredentialsToken({ resource: server.mcpUrl.href, format: 'opaque' });
    const before = (await oauth.providerRequests()).length;

    for (const token of [jwt, opaque]) {
      const foreignOrigin = await post(server.mcpUrl, initializeRequest, {
        ...bearer(token),
        Origin: 'https://evil.example',
      });
      expect(foreignOrigin.status).toBe(403);
      expect(foreignOrigin.headers.get('www-authenticate')).toBeNull();
      expect(await jsonRpcError(foreignOrigin)).toEqual({
        code: -32000,
        message: 'Requests from this web origin are not allowed.',
        data: { code: 'MCP_ORIGIN_FORBIDDEN', correlationId: foreignOrigin.headers.get('x-request-id') },
      });

      const legacyStream = await fetch(server.sseUrl, {
        headers: { ...bearer(token), Accept: 'text/event-stream', Origin: 'https://evil.example' },
      });
      expect(legacyStream.status).toBe(403);
      expect((await jsonRpcError(legacyStream)).data.code).toBe('MCP_ORIGIN_FORBIDDEN');

      // DNS rebinding: a hostile name resolving to 127.0.0.1, so the page's requests are "same-origin" to it.
      const rebound = await postWithHost(server, `evil.example:${server.mcpUrl.port}`, bearer(token));
      expect(rebound.status).toBe(403);
      expect(rebound.body.error.data.code).toBe('MCP_HOST_FORBIDDEN');
    }
    const preflight = await fetch(server.mcpUrl, {
      method: 'OPTIONS',
      headers: { Origin: ALLOWED_ORIGIN, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('www-authenticate')).toBeNull();

    expect((await oauth.providerRequests()).slice(before)).toEqual([]);
    expect(jwksFetches(server)).toBe(0);

    // The control: the same tokens from an allowed page do reach the authorization server, so the watch above sees.
    for (const token of [jwt, opaque]) {
      const allowed = await post(server.mcpUrl, initializeRequest, { ...bearer(token), Origin: ALLOWED_ORIGIN });
      expect(allowed.status).toBe(200);
      await allowed.text();
    }
    expect((await oauth.providerRequests()).slice(before)).toEqual(
      expect.arrayContaining([
        `GET ${new URL(oauth.jwksUri).pathname}`,
        `POST ${new URL(oauth.introspectionEndpoint).pathname}`,
      ]),
    );
  });
});
