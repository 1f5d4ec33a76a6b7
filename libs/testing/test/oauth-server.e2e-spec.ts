import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auth, extractWWWAuthenticateParams } from '@modelcontextprotocol/sdk/client/auth.js';
import { ClientCredentialsProvider } from '@modelcontextprotocol/sdk/client/auth-extensions.js';
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyOptions,
  UnsecuredJWT,
} from 'jose';
import { basicAuth, InMemoryOAuthClientProvider, OAuthServerProcess, type ForgedTokenKind } from '@app/testing';

/** Resource indicators only: nothing needs to listen there for the authorization server to issue tokens. */
const RESOURCE = 'http://127.0.0.1:3000/mcp';
const OPAQUE_RESOURCE = 'http://127.0.0.1:3001/mcp';
const TTL_SECONDS = 120;

interface ProtectedResource {
  readonly mcpUrl: string;
  readonly server: Server;
}

/** The smallest RFC 9728 protected resource: its metadata names the authorization server; every other request gets a 401 pointing there. */
async function startProtectedResource(issuer: string, scopes: readonly string[]): Promise<ProtectedResource> {
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const metadataPath = '/.well-known/oauth-protected-resource/mcp';
    if (req.url === metadataPath) {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          resource: `${base}/mcp`,
          authorization_servers: [issuer],
          scopes_supported: scopes,
          bearer_methods_supported: ['header'],
        }),
      );
    } else {
      const challenge = `Bearer resource_metadata="${base}${metadataPath}", scope="${scopes.join(' ')}"`;
      res.writeHead(401, { 'WWW-Authenticate': challenge }).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { mcpUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`, server };
}

describe('OAuthServerProcess: a real oidc-provider authorization server on loopback', () => {
  let oauth: OAuthServerProcess;

  const json = async <T>(url: string): Promise<T> => (await fetch(url)).json() as Promise<T>;
  const publishedKids = async (): Promise<(string | undefined)[]> =>
    (await json<JSONWebKeySet>(oauth.jwksUri)).keys.map(({ kid }) => kid);
  /** Verifies as a resource server would, against the JWKS as published now. */
  const verify = async (token: string, options: JWTVerifyOptions = {}): Promise<JWTPayload> => {
    const jwks = createLocalJWKSet(await json<JSONWebKeySet>(oauth.jwksUri));
    const verifyOptions = { issuer: oauth.issuer, audience: RESOURCE, typ: 'at+jwt', ...options };
    return (await jwtVerify(token, jwks, verifyOptions)).payload;
  };
  const asConfidentialClient = (params: Record<string, string>): RequestInit => ({
    method: 'POST',
    headers: {
      Authorization: basicAuth(oauth.client.clientId, oauth.client.clientSecret),
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(params),
  });
  const introspect = async (token: string): Promise<Record<string, unknown>> => {
    const res = await fetch(oauth.introspectionEndpoint, asConfidentialClient({ token }));
    return (await res.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    oauth = await OAuthServerProcess.start({
      resources: { [RESOURCE]: 'jwt', [OPAQUE_RESOURCE]: 'opaque' },
      accessTokenTtlSeconds: TTL_SECONDS,
      locale: 'fr',
    });
  });
  afterAll(async () => {
    await oauth.stop();
  });

  it('serves the same metadata at both discovery documents', async () => {
    const oauthMetadata = await json<Record<string, unknown>>(`${oauth.issuer}/.well-known/oauth-authorization-server`);
    const openidMetadata = await json<Record<string, unknown>>(`${oauth.issuer}/.well-known/openid-configuration`);
    expect(oauth.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(openidMetadata).toEqual(oauthMetadata);
    expect(oauthMetadata).toMatchObject({
      issuer: oauth.issuer,
      jwks_uri: oauth.jwksUri,
      token_endpoint: oauth.tokenEndpoint,
      introspection_endpoint: oauth.introspectionEndpoint,
      registration_endpoint: expect.stringMatching(/^http:/) as string,
      code_challenge_methods_supported: ['S256'],
      scopes_supported: expect.arrayContaining(['bitbucket:read', 'bitbucket:write']) as string[],
    });
  });

  it('records the requests its OAuth endpoints receive, not those of its admin API', async () => {
    const before = (await oauth.providerRequests()).length;
    const token = await oauth.clientCredentialsToken({ resource: OPAQUE_RESOURCE });
    await json(oauth.jwksUri);
    await introspect(token);
    expect((await oauth.providerRequests()).slice(before)).toEqual([
      `GET ${new URL(oauth.jwksUri).pathname}`,
      `POST ${new URL(oauth.introspectionEndpoint).pathname}`,
    ]);
  });

  it('issues the confidential client a JWT for the requested resource and scope, verifiable with its JWKS', async () => {
    const res = await fetch(
      oauth.tokenEndpoint,
      asConfidentialClient({ grant_type: 'client_credentials', resource: RESOURCE, scope: 'bitbucket:read' }),
    );
    const { access_token: token } = (await res.json()) as { access_token: string };
    const payload = await verify(token);
    expect(payload).toMatchObject({ aud: RESOURCE, scope: 'bitbucket:read', client_id: oauth.client.clientId });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(TTL_SECONDS);
    expect(await publishedKids()).toContain(decodeProtectedHeader(token).kid);

    const unknown = await fetch(
      oauth.tokenEndpoint,
      asConfidentialClient({ grant_type: 'client_credentials', resource: 'http://127.0.0.1:9/elsewhere' }),
    );
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: 'invalid_target' });
  });

  it('mints tokens with the scope, lifetime, claims and audience a test asks for', async () => {
    const token = await oauth.clientCredentialsToken({
      resource: RESOURCE,
      scope: 'bitbucket:write',
      ttlSeconds: 30,
      extraClaims: { locale: 'de' },
    });
    const payload = await verify(token);
    expect(payload).toMatchObject({ scope: 'bitbucket:write', locale: 'de', sub: oauth.client.clientId });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(30);

    const elsewhere = 'https://another-resource.example/mcp';
    const forAnotherResource = await oauth.clientCredentialsToken({ resource: elsewhere });
    expect(await verify(forAnotherResource, { audience: elsewhere })).toMatchObject({ aud: elsewhere });
  });

  it('introspects opaque tokens, per resource or per request, as active until revoked', async () => {
    const res = await fetch(
      oauth.tokenEndpoint,
      // Without a scope parameter the client credentials grant grants no scope.
      asConfidentialClient({
        grant_type: 'client_credentials',
        resource: OPAQUE_RESOURCE,
        scope: oauth.scopes.join(' '),
      }),
    );
    const { access_token: perResource } = (await res.json()) as { access_token: string };
    const perRequest = await oauth.clientCredentialsToken({ resource: RESOURCE, format: 'opaque' });
    expect(perResource).not.toContain('.');
    expect(perRequest).not.toContain('.');
    expect(await introspect(perResource)).toMatchObject({
      active: true,
      aud: OPAQUE_RESOURCE,
      scope: 'bitbucket:read bitbucket:write',
      client_id: oauth.client.clientId,
      iss: oauth.issuer,
      token_type: 'Bearer',
    });
    expect(await introspect(perRequest)).toMatchObject({ active: true, aud: RESOURCE });

    await oauth.revoke(perResource);
    expect(await introspect(perResource)).toEqual({ active: false });
    expect(await introspect(perRequest)).toMatchObject({ active: true });
  });

  it('rotates its signing key, keeping the previous one published or retiring it', async () => {
    const before = await oauth.clientCredentialsToken({ resource: RESOURCE });
    const opaque = await oauth.clientCredentialsToken({ resource: RESOURCE, format: 'opaque' });
    const previousKid = decodeProtectedHeader(before).kid;

    const kid = await oauth.rotateKeys();
    expect(kid).not.toBe(previousKid);
    expect(await publishedKids()).toEqual([kid, previousKid]);
    expect(decodeProtectedHeader(await oauth.clientCredentialsToken({ resource: RESOURCE })).kid).toBe(kid);
    await expect(verify(before)).resolves.toMatchObject({ aud: RESOURCE });

    const onlyKid = await oauth.rotateKeys({ keepPrevious: false });
    expect(await publishedKids()).toEqual([onlyKid]);
    await expect(verify(before)).rejects.toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' });
    expect(await introspect(opaque)).toMatchObject({ active: true });
  });

  it('goes down, refusing connections, and comes back on the same port with the same keys and tokens', async () => {
    const opaque = await oauth.clientCredentialsToken({ resource: RESOURCE, format: 'opaque' });
    const jwks = await json<JSONWebKeySet>(oauth.jwksUri);

    await oauth.pause();
    await expect(fetch(oauth.jwksUri)).rejects.toThrow('fetch failed');
    await oauth.resume();

    expect(await json<JSONWebKeySet>(oauth.jwksUri)).toEqual(jwks);
    expect(await introspect(opaque)).toMatchObject({ active: true });
  });

  it('can go down by hanging instead: connections open and nothing answers', async () => {
    await oauth.pause('hang');
    await expect(fetch(oauth.jwksUri, { signal: AbortSignal.timeout(300) })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    await oauth.resume();
    expect((await fetch(oauth.jwksUri)).status).toBe(200);
  });

  it('lets the MCP SDK register, authorize with PKCE and refresh, for tokens whose audience is the resource', async () => {
    const resource = await startProtectedResource(oauth.issuer, oauth.scopes);
    try {
      await oauth.addResource(resource.mcpUrl);
      const unauthorized = await fetch(resource.mcpUrl, { method: 'POST' });
      expect(unauthorized.status).toBe(401);
      const { resourceMetadataUrl, scope } = extractWWWAuthenticateParams(unauthorized);
      let authorizationUrl = new URL('about:blank');
      const client = new InMemoryOAuthClientProvider(async (url) => {
        authorizationUrl = url;
        return oauth.completeAuthorization(url);
      });
      const options = { serverUrl: resource.mcpUrl, resourceMetadataUrl, scope };

      expect(await auth(client, options)).toBe('REDIRECT');
      expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorizationUrl.searchParams.get('resource')).toBe(resource.mcpUrl);
      expect(await auth(client, { ...options, authorizationCode: client.authorizationCode })).toBe('AUTHORIZED');
      const tokens = client.tokens();
      expect(await verify(tokens?.access_token ?? '', { audience: resource.mcpUrl })).toMatchObject({
        aud: resource.mcpUrl,
        sub: oauth.account,
        scope: 'bitbucket:read bitbucket:write',
        client_id: client.clientInformation()?.client_id,
        locale: 'fr',
      });

      expect(await auth(client, options)).toBe('AUTHORIZED');
      const refreshed = client.tokens()?.access_token ?? '';
      expect(refreshed).not.toBe(tokens?.access_token);
      expect(await verify(refreshed, { audience: resource.mcpUrl })).toMatchObject({ sub: oauth.account });

      const withoutPkce = new URL(authorizationUrl);
      withoutPkce.searchParams.delete('code_challenge');
      withoutPkce.searchParams.delete('code_challenge_method');
      expect((await oauth.completeAuthorization(withoutPkce)).searchParams.get('error')).toBe('invalid_request');
    } finally {
      resource.server.close();
    }
  });

  it('gives the MCP SDK ClientCredentialsProvider, as the confidential client, a token for the resource', async () => {
    const resource = await startProtectedResource(oauth.issuer, oauth.scopes);
    try {
      await oauth.addResource(resource.mcpUrl);
      const client = new ClientCredentialsProvider({ ...oauth.client, expectedIssuer: oauth.issuer });
      expect(await auth(client, { serverUrl: resource.mcpUrl })).toBe('AUTHORIZED');
      expect(await verify(client.tokens()?.access_token ?? '', { audience: resource.mcpUrl })).toMatchObject({
        sub: oauth.client.clientId,
      });
    } finally {
      resource.server.close();
    }
  });

  const FORGED: Record<ForgedTokenKind, Record<string, unknown> | 'accepted'> = {
    valid: 'accepted',
    // A JWKS holds no key for either algorithm.
    'alg-none': { code: 'ERR_JOSE_NOT_SUPPORTED' },
    'hs256-with-public-key': { code: 'ERR_JOSE_NOT_SUPPORTED' },
    'tampered-signature': { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' },
    'unknown-key': { code: 'ERR_JWKS_NO_MATCHING_KEY' },
    'wrong-issuer': { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'iss' },
    'wrong-audience': { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'aud' },
    expired: { code: 'ERR_JWT_EXPIRED' },
    'not-yet-valid': { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'nbf' },
  };
  it.each(Object.entries(FORGED))('forges a "%s" token that a verifier tells apart', async (kind, expected) => {
    const token = await oauth.forgeToken(kind as ForgedTokenKind, { audience: RESOURCE });
    if (expected === 'accepted') await expect(verify(token)).resolves.toMatchObject({ aud: RESOURCE });
    else await expect(verify(token)).rejects.toMatchObject(expected);
  });

  it("forges the algorithm attacks for real: a verifier trusting the token's alg accepts them", async () => {
    const claims = { issuer: oauth.issuer, audience: RESOURCE };
    const unsecured = await oauth.forgeToken('alg-none', { audience: RESOURCE });
    expect(UnsecuredJWT.decode(unsecured, claims).payload).toMatchObject({ aud: RESOURCE });

    const [publicJwk] = (await json<JSONWebKeySet>(oauth.jwksUri)).keys;
    const pem = createPublicKey({ key: publicJwk as JsonWebKey, format: 'jwk' }).export({
      type: 'spki',
      format: 'pem',
    });
    const confused = await oauth.forgeToken('hs256-with-public-key', { audience: RESOURCE });
    const secret = new TextEncoder().encode(pem.toString());
    await expect(jwtVerify(confused, secret, claims)).resolves.toMatchObject({ protectedHeader: { alg: 'HS256' } });
  });
});
