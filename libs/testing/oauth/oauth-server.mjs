/**
 * A real OAuth 2.0 / OpenID Connect authorization server (oidc-provider) on loopback, for the e2e tests of the
 * server's OAuth resource-server behaviour. Test-only: its admin API has no authentication and hands out the
 * private signing key. libs/testing's OAuthServerProcess runs it as a child process.
 *
 * Environment (all optional):
 *   OAUTH_FIXTURE_PORT              listening port on 127.0.0.1; 0 (the default) picks a free one
 *   OAUTH_FIXTURE_RESOURCES         JSON object: resource indicator (= the token's `aud`) → access token format, "jwt" or "opaque"
 *   OAUTH_FIXTURE_SCOPES            space-separated resource scopes (default "bitbucket:read bitbucket:write")
 *   OAUTH_FIXTURE_ACCESS_TOKEN_TTL  access token lifetime in seconds (default 300)
 *   OAUTH_FIXTURE_CLIENT_ID, OAUTH_FIXTURE_CLIENT_SECRET  the pre-registered confidential client (client credentials, introspection)
 *   OAUTH_FIXTURE_ACCOUNT           the account every authorization logs in (default "test-user")
 *   OAUTH_FIXTURE_LOCALE            when set, the `locale` claim of that account's access tokens
 *
 * stdout: "listening on <issuer>" each time it listens. stdin, one command a line: "pause" stops listening
 * (connections are refused) and "resume" listens again on the same port; keys, clients and tokens are kept.
 * It exits on SIGTERM or when stdin closes, so it never outlives the test that started it.
 *
 * Admin API (JSON):
 *   POST /__admin/tokens         { scope?, resource?, format?, ttlSeconds?, extraClaims? } → a client-credentials token response
 *   POST /__admin/revoke         { token } → 204, or 404 when no stored token has that value (JWTs are never stored)
 *   POST /__admin/keys/rotate    { keepPrevious? = true } → { kid, publishedKids }: a new key signs from now on
 *   GET  /__admin/keys/signing   → the private JWK that signs now
 *   POST /__admin/resources      { resource, format? = "jwt" } → 204: tokens may be issued for that resource from now on
 *   GET  /__admin/requests       → ["GET /jwks", …]: every request the provider's endpoints received, oldest first
 * GET /interaction/<uid> logs the account in and consents to everything asked: the authorization code flow completes by
 * following redirects, no browser and no form involved.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { createInterface } from 'node:readline';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import { errors, Provider } from 'oidc-provider';
// The default adapter's module (docs: "Default in-memory adapter implementation"); see buildProvider.
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';

const env = process.env;
const config = {
  port: Number(env.OAUTH_FIXTURE_PORT ?? 0),
  scopes: (env.OAUTH_FIXTURE_SCOPES ?? 'bitbucket:read bitbucket:write').split(' ').filter((scope) => scope !== ''),
  accessTokenTtlSeconds: Number(env.OAUTH_FIXTURE_ACCESS_TOKEN_TTL ?? 300),
  clientId: env.OAUTH_FIXTURE_CLIENT_ID ?? 'bitbucket-mcp',
  clientSecret: env.OAUTH_FIXTURE_CLIENT_SECRET ?? 'bitbucket-mcp-secret',
  account: env.OAUTH_FIXTURE_ACCOUNT ?? 'test-user',
  locale: env.OAUTH_FIXTURE_LOCALE,
};
const ACCESS_TOKEN_FORMATS = new Set(['jwt', 'opaque']);
/** resource indicator → access token format */
const resources = new Map(Object.entries(JSON.parse(env.OAUTH_FIXTURE_RESOURCES ?? '{}')));
/** Extra claims of admin-minted tokens, read back by extraTokenClaims while the token is being saved. */
const mintedClaims = new WeakMap();
// Shared by every provider a key rotation builds: cookies stay valid and stored state stays found.
const cookieKeys = [randomBytes(32).toString('base64url')];
const adapter = createMemoryAdapter();

class AdminError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function newSigningKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' };
}

/** Private JWKs, the signing one first: oidc-provider signs with the first key matching the algorithm. */
let signingKeys = [await newSigningKey()];

function resourceServerInfo(resource, format) {
  if (!ACCESS_TOKEN_FORMATS.has(format)) throw new AdminError(400, `format must be "jwt" or "opaque", not ${format}`);
  // Without accessTokenFormat oidc-provider issues opaque tokens; without audience `aud` is the indicator as sent.
  return { audience: resource, scope: config.scopes.join(' '), accessTokenFormat: format };
}

/**
 * oidc-provider reads its keys once, in its constructor: rotating them means building a new provider. Left to itself,
 * each provider gets a new in-memory store; given one adapter, the new provider keeps the clients, grants, sessions
 * and tokens of the old one.
 */
function buildProvider(issuer) {
  const provider = new Provider(issuer, {
    adapter,
    clients: [
      {
        client_id: config.clientId,
        client_secret: config.clientSecret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: config.scopes.join(' '),
      },
    ],
    jwks: { keys: structuredClone(signingKeys) },
    // Registration checks a client's `scope` against this list, so the resource scopes belong in it too.
    scopes: ['openid', 'offline_access', ...config.scopes],
    cookies: { keys: cookieKeys },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    extraTokenClaims: (_ctx, token) =>
      mintedClaims.get(token) ?? (token.accountId && config.locale ? { locale: config.locale } : undefined),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      registration: { enabled: true },
      resourceIndicators: {
        enabled: true,
        getResourceServerInfo: (_ctx, resource) => {
          if (!resources.has(resource)) throw new errors.InvalidTarget(`unknown resource ${resource}`);
          return resourceServerInfo(resource, resources.get(resource));
        },
      },
    },
    // OAuth 2.1: the authorization code flow only, no implicit or hybrid response types.
    responseTypes: ['code'],
    // The MCP SDK registers public clients with the refresh_token grant and no offline_access scope.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    pkce: { required: () => true },
    ttl: {
      AccessToken: config.accessTokenTtlSeconds,
      ClientCredentials: config.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 86400,
      Interaction: 600,
      Session: 3600,
      Grant: 86400,
    },
  });
  provider.on('server_error', (_ctx, error) => console.error('oauth-server error:', error));
  return provider;
}

let provider;
let handleProviderRequest;
function install(issuer) {
  provider = buildProvider(issuer);
  handleProviderRequest = provider.callback();
}

async function mintToken({ scope = config.scopes.join(' '), resource, format, ttlSeconds, extraClaims }) {
  const client = await provider.Client.find(config.clientId);
  const token = new provider.ClientCredentials({
    client,
    scope,
    ...(ttlSeconds === undefined ? {} : { expiresIn: ttlSeconds }),
  });
  if (resource !== undefined) {
    token.resourceServer = new provider.ResourceServer(
      resource,
      resourceServerInfo(resource, format ?? resources.get(resource) ?? 'jwt'),
    );
  } else if (format === 'jwt') {
    throw new AdminError(400, 'a JWT access token needs a resource: its audience');
  }
  if (extraClaims !== undefined) mintedClaims.set(token, extraClaims);
  const accessToken = await token.save();
  return [200, { access_token: accessToken, token_type: 'Bearer', expires_in: token.expiration, scope }];
}

async function revokeToken({ token }) {
  for (const model of [provider.AccessToken, provider.ClientCredentials, provider.RefreshToken]) {
    const found = await model.find(token);
    if (found !== undefined) {
      await found.destroy();
      return [204];
    }
  }
  throw new AdminError(404, 'no stored token has this value (JWT access tokens are not stored)');
}

async function rotateKeys({ keepPrevious = true }) {
  const key = await newSigningKey();
  signingKeys = keepPrevious ? [key, ...signingKeys] : [key];
  install(provider.issuer);
  return [200, { kid: key.kid, publishedKids: signingKeys.map(({ kid }) => kid) }];
}

function addResource({ resource, format = 'jwt' }) {
  resourceServerInfo(resource, format);
  resources.set(resource, format);
  return [204];
}

/** Every request the provider's endpoints received ("METHOD /path"), for tests proving that one never reached them. */
const providerRequests = [];

const adminRoutes = {
  'POST /__admin/tokens': mintToken,
  'POST /__admin/revoke': revokeToken,
  'POST /__admin/keys/rotate': rotateKeys,
  'GET /__admin/keys/signing': () => [200, signingKeys[0]],
  'POST /__admin/resources': addResource,
  'GET /__admin/requests': () => [200, providerRequests],
};

async function readJson(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch {
    throw new AdminError(400, 'the body must be JSON');
  }
}

function send(res, status, body) {
  res.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

/** Stands in for the login and consent pages: the fixed account logs in and grants whatever was asked. */
async function completeInteraction(req, res) {
  const { prompt, params, session, grantId } = await provider.interactionDetails(req, res);
  if (prompt.name === 'login') {
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: config.account } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  if (prompt.name !== 'consent') throw new AdminError(501, `no automatic answer to the ${prompt.name} prompt`);
  const grant =
    grantId === undefined
      ? new provider.Grant({ accountId: session.accountId, clientId: params.client_id })
      : await provider.Grant.find(grantId);
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes = {} } = prompt.details;
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missingResourceScopes))
    grant.addResourceScope(resource, scopes.join(' '));
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true },
  );
}

async function route(req, res) {
  const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
  try {
    if (pathname.startsWith('/__admin/')) {
      const handler = adminRoutes[`${req.method} ${pathname}`];
      if (handler === undefined) throw new AdminError(404, `no admin route ${req.method} ${pathname}`);
      const [status, body] = await handler(await readJson(req));
      send(res, status, body);
    } else if (pathname.startsWith('/interaction/')) {
      await completeInteraction(req, res);
    } else {
      providerRequests.push(`${req.method} ${pathname}`);
      handleProviderRequest(req, res);
    }
  } catch (error) {
    if (!(error instanceof AdminError)) console.error('oauth-server error:', error);
    if (!res.headersSent) send(res, error.status ?? error.statusCode ?? 500, { error: error.message });
  }
}

const server = createServer((req, res) => void route(req, res));
let port = config.port;

function listen() {
  server.listen(port, '127.0.0.1', () => {
    port = server.address().port;
    const issuer = `http://127.0.0.1:${port}`;
    if (provider === undefined) install(issuer);
    console.log(`listening on ${issuer}`);
  });
}

function stopListening() {
  server.close();
  // Keep-alive sockets would otherwise keep answering a client that already holds one.
  server.closeAllConnections();
}

server.on('error', (error) => {
  console.error('oauth-server cannot listen:', error.message);
  process.exit(1);
});

const commands = {
  pause: () => {
    stopListening();
    console.log('paused');
  },
  resume: () => {
    if (!server.listening) listen();
  },
};
createInterface({ input: process.stdin })
  .on('line', (line) => commands[line.trim()]?.())
  .on('close', () => process.exit(0));
process.on('SIGTERM', () => {
  stopListening();
  process.exit(0);
});

listen();
