import { setTimeout as sleep } from 'node:timers/promises';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { ClientCredentialsProvider } from '@modelcontextprotocol/sdk/client/auth-extensions.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { decodeJwt } from 'jose';
import {
  FakeBitbucketProcess,
  InMemoryOAuthClientProvider,
  OAuthServerProcess,
  type ClientCredentialsTokenRequest,
  type ForgedTokenKind,
  type McpHttpProcess,
  textAnswer,
} from '@app/testing';
import {
  bearer,
  initializeRequest,
  jsonRpcError,
  listToolsRequest,
  openSession,
  post,
  toolCallRequest,
} from './mcp-http-client';
import {
  CredentialLedger,
  expectJwksFetches,
  expectTokenRefused,
  introspectionClientEnv,
  jwksFetches,
  resourceMetadataUrl,
  startResourceServer,
  mintToken,
} from './oauth-resource-server';

const STATIC_TOKEN = 'alice-static-bearer-0123456789';
const INTROSPECTION_CACHE_MS = 1500;
const CLIENT_INFO = { name: 'oauth-e2e', version: '1.0.0' };
const CREATE_BRANCH = { workspace: 'acme', repo: 'payments-api', name: 'feature/oauth', startPoint: 'main' };
/** The forged tokens a resource server must refuse, with the refusal each gets. */
const FORGED_REFUSALS: Readonly<
  Record<Exclude<ForgedTokenKind, 'valid'>, 'AUTH_INVALID_CREDENTIALS' | 'AUTH_TOKEN_EXPIRED'>
> = {
  'wrong-audience': 'AUTH_INVALID_CREDENTIALS',
  'wrong-issuer': 'AUTH_INVALID_CREDENTIALS',
  expired: 'AUTH_TOKEN_EXPIRED',
  'not-yet-valid': 'AUTH_INVALID_CREDENTIALS',
  'alg-none': 'AUTH_INVALID_CREDENTIALS',
  'hs256-with-public-key': 'AUTH_INVALID_CREDENTIALS',
  'tampered-signature': 'AUTH_INVALID_CREDENTIALS',
  'unknown-key': 'AUTH_INVALID_CREDENTIALS',
};

describe('OAuth 2.0 resource server against a real authorization server (the built mcp-http app)', () => {
  let oauth: OAuthServerProcess;
  let fake: FakeBitbucketProcess;
  /** AUTH_METHODS=oauth2, introspecting opaque tokens, refetching the JWKS for any unknown kid. */
  let server: McpHttpProcess;
  let oauthThenBearer: McpHttpProcess;
  let bearerThenOAuth: McpHttpProcess;
  const servers: McpHttpProcess[] = [];
  const ledger = new CredentialLedger();
  const token = async (request?: ClientCredentialsTokenRequest): Promise<string> =>
    mintToken(oauth, server, ledger, request);
  /** Connects an SDK client through `transport`, calls one tool, and disconnects whatever happened. */
  const callWithClient = async (transport: StreamableHTTPClientTransport, tool: string): Promise<CallToolResult> => {
    const client = new Client(CLIENT_INFO);
    try {
      await client.connect(transport);
      return (await client.callTool({ name: tool, arguments: {} })) as CallToolResult;
    } finally {
      await client.close();
    }
  };
  const forge = async (kind: ForgedTokenKind, target: McpHttpProcess = server): Promise<string> =>
    ledger.record(await oauth.forgeToken(kind, { audience: target.mcpUrl.href }));

  beforeAll(async () => {
    [oauth, fake] = await Promise.all([OAuthServerProcess.start(), FakeBitbucketProcess.start()]);
    ledger.record(oauth.client.clientSecret);
    ledger.record(STATIC_TOKEN);
    const start = async (methods: string, env: Record<string, string> = {}): Promise<McpHttpProcess> => {
      const started = await startResourceServer(oauth, fake, {
        AUTH_METHODS: methods,
        AUTH_BEARER_TOKENS: `alice:${STATIC_TOKEN}`,
        ...introspectionClientEnv(oauth),
        ...env,
      });
      servers.push(started);
      return started;
    };
    [server, oauthThenBearer, bearerThenOAuth] = await Promise.all([
      start('oauth2', {
        OAUTH_INTROSPECTION_CACHE_MS: String(INTROSPECTION_CACHE_MS),
        OAUTH_JWKS_MIN_REFETCH_MS: '0',
      }),
      start('oauth2,bearer'),
      start('bearer,oauth2'),
    ]);
  });

  afterAll(async () => {
    await ledger.recordSigningKey(oauth);
    await Promise.all([...servers.map(async (process) => process.stop()), fake.stop()]);
    await oauth.stop();
    // Every line the servers (at debug level) and the authorization server wrote: no token, secret or key in any.
    ledger.expectNoneIn([...servers.map((process) => process.output), oauth.output].join('\n'));
  });

  describe('clients that get their token themselves', () => {
    it('the MCP SDK client discovers the authorization server from the 401, registers, authorizes with PKCE, then calls tools', async () => {
      const requested: string[] = [];
      const recordingFetch: FetchLike = async (url, init) => {
        requested.push(`${init?.method ?? 'GET'} ${String(url)}`);
        return fetch(url, init);
      };
      let authorizationUrl = new URL('about:blank');
      const provider = new InMemoryOAuthClientProvider(async (url) => {
        authorizationUrl = url;
        return oauth.completeAuthorization(url);
      });
      const transport = (): StreamableHTTPClientTransport =>
        new StreamableHTTPClientTransport(server.mcpUrl, { authProvider: provider, fetch: recordingFetch });

      const unauthorized = transport();
      await expect(new Client(CLIENT_INFO).connect(unauthorized)).rejects.toBeInstanceOf(UnauthorizedError);
      await unauthorized.finishAuth(provider.authorizationCode);
      const result = await callWithClient(transport(), 'get_current_user');

      expect(result).toMatchObject(textAnswer('(alice'));
      const { registration_endpoint: registration, token_endpoint: tokenEndpoint } = oauth.metadata;
      const discovery = [
        `GET ${resourceMetadataUrl(server)}`,
        `GET ${oauth.issuer}/.well-known/oauth-authorization-server`,
        `POST ${registration ?? 'no registration endpoint'}`,
        `POST ${tokenEndpoint}`,
      ];
      expect(requested[0]).toBe(`POST ${server.mcpUrl.href}`);
      // In this order (finishAuth discovers again; the first time counts).
      expect([...new Set(requested.filter((request) => discovery.includes(request)))]).toEqual(discovery);
      expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorizationUrl.searchParams.get('resource')).toBe(server.mcpUrl.href);
      const tokens = provider.tokens();
      for (const secret of [
        provider.authorizationCode,
        provider.codeVerifier(),
        tokens?.access_token,
        tokens?.refresh_token,
      ]) {
        ledger.record(secret ?? '');
      }
      expect(decodeJwt(tokens?.access_token ?? '')).toMatchObject({
        aud: server.mcpUrl.href,
        iss: oauth.issuer,
        sub: oauth.account,
        scope: 'bitbucket:read bitbucket:write',
      });
    });

    it('the SDK ClientCredentialsProvider, as the confidential client, gets a token for this resource and calls tools', async () => {
      // The SDK asks a client-credentials token for the scope the provider names, not for the metadata's scopes.
      const provider = new ClientCredentialsProvider({
        ...oauth.client,
        expectedIssuer: oauth.issuer,
        scope: 'bitbucket:read',
      });
      const transport = new StreamableHTTPClientTransport(server.mcpUrl, { authProvider: provider });
      const result = await callWithClient(transport, 'get_current_user');

      expect(result).toMatchObject(textAnswer('(alice'));
      const accessToken = ledger.record(provider.tokens()?.access_token ?? '');
      expect(decodeJwt(accessToken)).toMatchObject({
        aud: server.mcpUrl.href,
        sub: oauth.client.clientId,
        scope: 'bitbucket:read',
      });
    });
  });

  describe('discovery and challenges', () => {
    it('serves RFC 9728 metadata naming this resource, the issuer and both scopes, at both addresses', async () => {
      for (const path of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/mcp']) {
        const res = await fetch(`${server.url}${path}`);
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({
          resource: server.mcpUrl.href,
          authorization_servers: [oauth.issuer],
          scopes_supported: ['bitbucket:read', 'bitbucket:write'],
          bearer_methods_supported: ['header'],
          resource_name: 'Bitbucket MCP Server',
        });
      }
    });

    it('answers a request without a token 401, the challenge naming the metadata', async () => {
      const res = await post(server.mcpUrl, initializeRequest);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe(
        `Bearer realm="bitbucket-mcp", resource_metadata="${resourceMetadataUrl(server)}"`,
      );
      expect((await jsonRpcError(res)).data.code).toBe('AUTH_CREDENTIALS_REQUIRED');
    });

    it('lets a read-scoped token read, and refuses it a write tool 403 insufficient_scope, naming the scope and the metadata', async () => {
      const readToken = await token({ scope: 'bitbucket:read' });
      const headers = { ...bearer(readToken), 'Mcp-Session-Id': await openSession(server.mcpUrl, bearer(readToken)) };
      expect((await post(server.mcpUrl, toolCallRequest('get_current_user'), headers)).status).toBe(200);

      const write = await post(server.mcpUrl, toolCallRequest('create_branch', CREATE_BRANCH), headers);
      expect(write.status).toBe(403);
      expect(write.headers.get('www-authenticate')).toBe(
        `Bearer realm="bitbucket-mcp", error="insufficient_scope", scope="bitbucket:write", resource_metadata="${resourceMetadataUrl(server)}"`,
      );
      expect((await jsonRpcError(write)).data.code).toBe('AUTH_INSUFFICIENT_SCOPE');
    });
  });

  describe('tokens refused', () => {
    it('accepts the control: a token forged exactly like the issuer’s, with no defect', async () => {
      expect((await post(server.mcpUrl, initializeRequest, bearer(await forge('valid')))).status).toBe(200);
    });

    it.each(Object.entries(FORGED_REFUSALS))(
      'refuses a "%s" JWT 401 invalid_token, saying only %s, in the caller’s language',
      async (kind, code) => {
        const res = await post(server.mcpUrl, initializeRequest, {
          ...bearer(await forge(kind as ForgedTokenKind)),
          'Accept-Language': 'fr',
        });
        await expectTokenRefused(res, server, code, 'fr');
      },
    );

    it('refetches the JWKS for a token with an unknown kid before refusing it', async () => {
      const fetchesBefore = jwksFetches(server);
      await expectTokenRefused(
        await post(server.mcpUrl, initializeRequest, bearer(await forge('unknown-key'))),
        server,
        'AUTH_INVALID_CREDENTIALS',
      );
      await expectJwksFetches(server, fetchesBefore + 1);
    });

    it('accepts an active opaque token by introspection, and refuses it within OAUTH_INTROSPECTION_CACHE_MS of its revocation', async () => {
      const opaque = await token({ format: 'opaque', scope: 'bitbucket:read' });
      expect(opaque).not.toContain('.');
      const headers = { ...bearer(opaque), 'Mcp-Session-Id': await openSession(server.mcpUrl, bearer(opaque)) };
      const read = await post(server.mcpUrl, toolCallRequest('get_current_user'), headers);
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ result: textAnswer('(alice') });

      await oauth.revoke(opaque);
      const revokedAt = Date.now();
      // The cached answer still holds for a moment…
      expect((await post(server.mcpUrl, listToolsRequest, headers)).status).toBe(200);
      // …and no longer than the cache time.
      let res = await post(server.mcpUrl, listToolsRequest, headers);
      while (res.status === 200 && Date.now() - revokedAt < INTROSPECTION_CACHE_MS + 2000) {
        await res.text();
        await sleep(100);
        res = await post(server.mcpUrl, listToolsRequest, headers);
      }
      expect(Date.now() - revokedAt).toBeLessThan(INTROSPECTION_CACHE_MS + 500);
      await expectTokenRefused(res, server, 'AUTH_INVALID_CREDENTIALS');
    });

    it('refuses an opaque token the issuer introspects as meant for another resource', async () => {
      const elsewhere = await token({ format: 'opaque', resource: 'https://another-resource.example/mcp' });
      await expectTokenRefused(
        await post(server.mcpUrl, initializeRequest, bearer(elsewhere)),
        server,
        'AUTH_INVALID_CREDENTIALS',
      );
    });
  });

  describe('AUTH_METHODS order with oauth2', () => {
    it('oauth2 alone refuses a static bearer token, configured or not', async () => {
      await expectTokenRefused(
        await post(server.mcpUrl, initializeRequest, bearer(STATIC_TOKEN)),
        server,
        'AUTH_INVALID_CREDENTIALS',
      );
    });

    it('oauth2,bearer: a static token falls back to bearer, OAuth tokens pass, an invalid JWT that is no static token gets 401', async () => {
      const ownToken = await mintToken(oauth, oauthThenBearer, ledger);
      expect((await post(oauthThenBearer.mcpUrl, initializeRequest, bearer(STATIC_TOKEN))).status).toBe(200);
      expect((await post(oauthThenBearer.mcpUrl, initializeRequest, bearer(ownToken))).status).toBe(200);
      await expectTokenRefused(
        await post(
          oauthThenBearer.mcpUrl,
          initializeRequest,
          bearer(await forge('tampered-signature', oauthThenBearer)),
        ),
        oauthThenBearer,
        'AUTH_INVALID_CREDENTIALS',
      );
    });

    it('bearer,oauth2: OAuth tokens still pass, after the static tokens refused them', async () => {
      const ownToken = await mintToken(oauth, bearerThenOAuth, ledger);
      expect((await post(bearerThenOAuth.mcpUrl, initializeRequest, bearer(ownToken))).status).toBe(200);
      expect((await post(bearerThenOAuth.mcpUrl, initializeRequest, bearer(STATIC_TOKEN))).status).toBe(200);
    });
  });
});
