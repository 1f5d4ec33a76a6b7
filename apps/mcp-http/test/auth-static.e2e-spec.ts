import { McpHttpProcess, REPO_ROOT, SpawnedProcess, freePort } from '@app/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bearer,
  initializeRequest,
  jsonRpcError,
  listToolsRequest,
  openSession,
  post,
  toolCallRequest,
} from './mcp-http-client';
import { ServersOnFake } from './servers-on-fake';

const SECRETS = {
  aliceToken: 'alice-bearer-token-0123456789',
  readerToken: 'reader-bearer-token-0123456789',
  ciKey: 'ci-api-key-0123456789abcdef',
};
const BEARER_TOKENS = `alice:${SECRETS.aliceToken},reader:${SECRETS.readerToken}[bitbucket:read]`;
const API_KEYS = `ci:${SECRETS.ciKey}`;
const apiKey = (key: string): Record<string, string> => ({ 'X-API-Key': key });
/** The error messages of `lang`'s catalogue. */
const catalogue = (lang: string): Record<string, string> =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'i18n', lang, 'errors.json'), 'utf8')) as Record<string, string>;

describe('client authentication with bearer tokens and API keys (the built mcp-http app)', () => {
  const suite = new ServersOnFake({
    AUTH_BEARER_TOKENS: BEARER_TOKENS,
    AUTH_API_KEYS: API_KEYS,
    LOG_LEVEL: 'debug',
  });
  const start = async (env: Record<string, string> = {}): Promise<McpHttpProcess> => suite.start(env);

  beforeAll(async () => {
    await suite.startFake();
  });

  afterAll(async () => {
    await suite.stopAll();
    // Every line any server of this suite logged, at debug level: no secret it was given appears.
    const logs = suite.servers.map((server) => server.output).join('\n');
    expect(logs.length).toBeGreaterThan(1000);
    for (const secret of Object.values(SECRETS)) expect(logs).not.toContain(secret);
  });

  describe('with the default order (oauth2 unconfigured, then bearer, then apikey)', () => {
    let server: McpHttpProcess;

    beforeAll(async () => {
      server = await start({ AUTH_METHODS: 'oauth2,bearer,apikey' });
    });

    it('refuses a request without credentials 401 with a bare challenge, and leaves the probes public', async () => {
      const res = await post(server.mcpUrl, initializeRequest);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="bitbucket-mcp"');
      expect((await jsonRpcError(res)).data.code).toBe('AUTH_CREDENTIALS_REQUIRED');
      expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
      expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
    });

    it('accepts a static bearer token and an API key', async () => {
      expect((await post(server.mcpUrl, initializeRequest, bearer(SECRETS.aliceToken))).status).toBe(200);
      expect((await post(server.mcpUrl, initializeRequest, apiKey(SECRETS.ciKey))).status).toBe(200);
    });

    it('refuses wrong credentials 401 invalid_token, localized, without saying why', async () => {
      for (const headers of [bearer('not-a-configured-token-123'), apiKey('not-a-configured-key-123')]) {
        const res = await post(server.mcpUrl, initializeRequest, { ...headers, 'Accept-Language': 'fr' });
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
        const error = await jsonRpcError(res);
        expect(error.data.code).toBe('AUTH_INVALID_CREDENTIALS');
        expect(error.message).toContain('identifiants');
      }
    });

    it('never takes an API key from the query string', async () => {
      const res = await post(`${server.mcpUrl.href}?api_key=${SECRETS.ciKey}`, initializeRequest);
      expect(res.status).toBe(401);
      expect((await jsonRpcError(res)).data.code).toBe('AUTH_CREDENTIALS_REQUIRED');
    });

    it('falls back to the next method when one refuses its credential', async () => {
      const res = await post(server.mcpUrl, initializeRequest, {
        ...bearer('not-a-configured-token-123'),
        ...apiKey(SECRETS.ciKey),
      });
      expect(res.status).toBe(200);
    });

    it('lets a read-scoped credential read, and refuses it a write with 403 insufficient_scope', async () => {
      const id = await openSession(server.mcpUrl, bearer(SECRETS.readerToken));
      const headers = { ...bearer(SECRETS.readerToken), 'Mcp-Session-Id': id };
      const read = await post(server.mcpUrl, toolCallRequest('get_current_user', {}), headers);
      expect(read.status).toBe(200);
      const write = await post(
        server.mcpUrl,
        toolCallRequest('create_branch', { workspace: 'acme', repo: 'payments-api', name: 'x', startPoint: 'main' }),
        headers,
      );
      expect(write.status).toBe(403);
      expect(write.headers.get('www-authenticate')).toBe(
        'Bearer realm="bitbucket-mcp", error="insufficient_scope", scope="bitbucket:write"',
      );
      expect((await jsonRpcError(write)).data.code).toBe('AUTH_INSUFFICIENT_SCOPE');
    });

    it('gives a session only to the principal that opened it: anyone else gets 404', async () => {
      const id = await openSession(server.mcpUrl, bearer(SECRETS.aliceToken));
      const own = await post(server.mcpUrl, listToolsRequest, { ...bearer(SECRETS.aliceToken), 'Mcp-Session-Id': id });
      expect(own.status).toBe(200);
      const other = await post(server.mcpUrl, listToolsRequest, { ...apiKey(SECRETS.ciKey), 'Mcp-Session-Id': id });
      expect(other.status).toBe(404);
      expect((await jsonRpcError(other)).data.code).toBe('MCP_SESSION_NOT_FOUND');
    });
  });

  it.each([
    ['bearer,apikey', 'bearer wins', SECRETS.aliceToken],
    ['apikey,bearer', 'apikey wins', SECRETS.ciKey],
  ])(
    'AUTH_METHODS=%s: with both credentials %s, and the session is that principal’s',
    async (methods, _title, winner) => {
      const server = await start({ AUTH_METHODS: methods });
      const id = await openSession(server.mcpUrl, { ...bearer(SECRETS.aliceToken), ...apiKey(SECRETS.ciKey) });
      const asBearer = await post(server.mcpUrl, listToolsRequest, {
        ...bearer(SECRETS.aliceToken),
        'Mcp-Session-Id': id,
      });
      const asApiKey = await post(server.mcpUrl, listToolsRequest, { ...apiKey(SECRETS.ciKey), 'Mcp-Session-Id': id });
      expect([asBearer.status, asApiKey.status]).toEqual(winner === SECRETS.aliceToken ? [200, 404] : [404, 200]);
    },
  );

  it('AUTH_METHODS=apikey alone: a bearer token is no credential at all', async () => {
    const server = await start({ AUTH_METHODS: 'apikey' });
    const res = await post(server.mcpUrl, initializeRequest, bearer(SECRETS.aliceToken));
    expect(res.status).toBe(401);
    expect((await jsonRpcError(res)).data.code).toBe('AUTH_CREDENTIALS_REQUIRED');
    expect((await post(server.mcpUrl, initializeRequest, apiKey(SECRETS.ciKey))).status).toBe(200);
  });

  it('AUTH_METHODS=apikey alone: the challenge and the message, in every language, name the X-API-Key header and invite no Bearer token or OAuth', async () => {
    const server = await start({ AUTH_METHODS: 'apikey' });
    for (const lang of ['en', 'fr', 'de', 'es', 'ja']) {
      for (const [headers, code] of [
        [{}, 'AUTH_CREDENTIALS_REQUIRED'],
        [bearer(SECRETS.aliceToken), 'AUTH_CREDENTIALS_REQUIRED'],
        [apiKey('not-a-configured-key-123'), 'AUTH_INVALID_CREDENTIALS'],
      ] as const) {
        const res = await post(server.mcpUrl, initializeRequest, { ...headers, 'Accept-Language': lang });
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('ApiKey realm="bitbucket-mcp", header="X-API-Key"');
        const error = await jsonRpcError(res);
        expect(error.data.code).toBe(code);
        expect(error.message).toBe(catalogue(lang)[`${code}_API_KEY`]);
        expect(error.message).toContain('X-API-Key');
        expect(error.message).not.toMatch(/Bearer|OAuth/);
      }
    }
  });

  it('AUTH_METHODS=bearer alone asks for a token; with bearer and apikey the message lists both', async () => {
    const tokens = await start({ AUTH_METHODS: 'bearer' });
    const none = await post(tokens.mcpUrl, initializeRequest);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="bitbucket-mcp"');
    expect((await jsonRpcError(none)).message).toBe(catalogue('en').AUTH_CREDENTIALS_REQUIRED_TOKEN);
    const wrong = await post(tokens.mcpUrl, initializeRequest, bearer('not-a-configured-token-123'));
    expect((await jsonRpcError(wrong)).message).toBe(catalogue('en').AUTH_INVALID_CREDENTIALS_TOKEN);
    const both = await start({ AUTH_METHODS: 'bearer,apikey' });
    const refused = await post(both.mcpUrl, initializeRequest, apiKey('not-a-configured-key-123'));
    expect(refused.headers.get('www-authenticate')).toContain('Bearer realm="bitbucket-mcp", error="invalid_token"');
    const message = (await jsonRpcError(refused)).message;
    expect(message).toBe(catalogue('en').AUTH_INVALID_CREDENTIALS);
    expect(message).toContain('Authorization: Bearer');
    expect(message).toContain('X-API-Key');
  });

  it('AUTH_METHODS=none serves anyone on loopback, and refuses to start on another address', async () => {
    const open = await start({ AUTH_METHODS: 'none' });
    expect((await post(open.mcpUrl, initializeRequest)).status).toBe(200);
    const exposed = SpawnedProcess.start('mcp-http', {
      PORT: String(await freePort()),
      HOST: '0.0.0.0',
      AUTH_METHODS: 'none',
    });
    const exit = await exposed.exited;
    expect(exit.code).not.toBe(0);
    expect(exposed.output).toContain('allowed only on a loopback address');
  }, 20000);
});
