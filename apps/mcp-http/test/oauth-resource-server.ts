import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  McpHttpProcess,
  REPO_ROOT,
  freePort,
  type ClientCredentialsTokenRequest,
  type FakeBitbucketProcess,
  type OAuthServerProcess,
} from '@app/testing';
import { bitbucketEnv } from '../../../test/tool-suite/bitbucket-env';
import { bearer } from './mcp-http-client';

/** Helpers of the OAuth suites: the built server as the protected resource of a real authorization server. */

/**
 * Starts the built server on a port chosen first, so that its PUBLIC_URL, and so its OAuth resource `PUBLIC_URL/mcp`,
 * is known before it runs; `oauth` issues tokens for that resource from now on. Logs at debug level, for the
 * suites' no-secret-in-logs check.
 */
export async function startResourceServer(
  oauth: OAuthServerProcess,
  fake: FakeBitbucketProcess,
  env: Record<string, string>,
): Promise<McpHttpProcess> {
  const port = String(await freePort());
  const publicUrl = `http://127.0.0.1:${port}`;
  await oauth.addResource(`${publicUrl}/mcp`);
  return McpHttpProcess.start({
    ...bitbucketEnv(fake, 'cloud'),
    PORT: port,
    PUBLIC_URL: publicUrl,
    OAUTH_ISSUER: oauth.issuer,
    LOG_LEVEL: 'debug',
    ...env,
  });
}

/** The server's settings for introspecting opaque tokens as the fixture's confidential client. */
export function introspectionClientEnv(oauth: OAuthServerProcess): Record<string, string> {
  return { OAUTH_CLIENT_ID: oauth.client.clientId, OAUTH_CLIENT_SECRET: oauth.client.clientSecret };
}

export const resourceMetadataUrl = (server: McpHttpProcess): string =>
  `${server.url}/.well-known/oauth-protected-resource/mcp`;

/** GET /mcp without Last-Event-ID: the session's standalone stream. */
export async function openStandaloneStream(
  server: McpHttpProcess,
  sessionId: string,
  token: string,
  lastEventId?: string,
): Promise<Response> {
  return fetch(server.mcpUrl, {
    headers: {
      ...bearer(token),
      Accept: 'text/event-stream',
      'Mcp-Session-Id': sessionId,
      ...(lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId }),
    },
  });
}

/** GET /sse: a legacy session and its stream. */
export async function openLegacyStream(server: McpHttpProcess, token: string): Promise<Response> {
  return fetch(server.sseUrl, { headers: { ...bearer(token), Accept: 'text/event-stream' } });
}

/** What the server logs (debug) each time it fetches the issuer's JWKS. */
export const JWKS_FETCH_LOG = /Fetching JWKS /g;

export const jwksFetches = (server: McpHttpProcess): number => server.output.match(JWKS_FETCH_LOG)?.length ?? 0;

/** The server has fetched the JWKS `count` times (its log lines may reach this process just after its answer). */
export async function expectJwksFetches(server: McpHttpProcess, count: number): Promise<void> {
  const deadline = Date.now() + 1000;
  while (jwksFetches(server) < count && Date.now() < deadline) await sleep(20);
  expect(jwksFetches(server)).toBe(count);
}

type RefusalCode = 'AUTH_INVALID_CREDENTIALS' | 'AUTH_TOKEN_EXPIRED';
const CHALLENGE_DESCRIPTION: Readonly<Record<RefusalCode, string>> = {
  AUTH_INVALID_CREDENTIALS: 'The access token is invalid',
  AUTH_TOKEN_EXPIRED: 'The access token expired',
};
/** The message of each refusal: these servers take tokens only (oauth2, maybe bearer), so it invites no API key. */
const MESSAGE_KEY: Readonly<Record<RefusalCode, string>> = {
  AUTH_INVALID_CREDENTIALS: 'AUTH_INVALID_CREDENTIALS_TOKEN',
  AUTH_TOKEN_EXPIRED: 'AUTH_TOKEN_EXPIRED',
};

function localizedMessage(locale: string, code: string): string {
  const messages = JSON.parse(readFileSync(join(REPO_ROOT, 'i18n', locale, 'errors.json'), 'utf8')) as Record<
    string,
    string
  >;
  const message = messages[code];
  if (message === undefined) throw new Error(`no ${locale} message for ${code}`);
  return message;
}

/**
 * A refused token's answer: 401, an RFC 6750 `invalid_token` challenge naming the RFC 9728 metadata, and a body that
 * says nothing but the generic localized message, the code and the correlation id — never which check failed.
 */
export async function expectTokenRefused(
  res: Response,
  server: McpHttpProcess,
  code: RefusalCode,
  locale = 'en',
): Promise<void> {
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toBe(
    `Bearer realm="bitbucket-mcp", error="invalid_token", error_description="${CHALLENGE_DESCRIPTION[code]}", resource_metadata="${resourceMetadataUrl(server)}"`,
  );
  expect(await res.json()).toEqual({
    jsonrpc: '2.0',
    id: null,
    error: {
      code: expect.any(Number) as number,
      message: localizedMessage(locale, MESSAGE_KEY[code]),
      data: { code, correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) as string },
    },
  });
}

/** A client-credentials token of `oauth` for `server` (its `aud`), recorded in `ledger`. */
export async function mintToken(
  oauth: OAuthServerProcess,
  server: McpHttpProcess,
  ledger: CredentialLedger,
  request: ClientCredentialsTokenRequest = {},
): Promise<string> {
  return ledger.record(await oauth.clientCredentialsToken({ resource: server.mcpUrl.href, ...request }));
}

/** Every credential a suite handed out, sent or configured, so that it can prove at the end that no log holds one. */
export class CredentialLedger {
  private readonly secrets = new Set<string>();

  /** Records `secret`, and a JWT's signature too (a log that cut the token short would still hold it); returns it. */
  record(secret: string): string {
    this.secrets.add(secret);
    const signature = secret.split('.')[2];
    if (signature !== undefined && signature.length >= 16) this.secrets.add(signature);
    return secret;
  }

  /** The private members of the authorization server's signing key as it is now. */
  async recordSigningKey(oauth: OAuthServerProcess): Promise<void> {
    const key = await oauth.signingKey();
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const) {
      const value = key[member];
      if (value !== undefined) this.record(value);
    }
  }

  /** The logs (a few kB at least: the servers really logged at debug level) hold none of the recorded secrets. */
  expectNoneIn(logs: string): void {
    expect(logs.length).toBeGreaterThan(1000);
    expect(this.secrets.size).toBeGreaterThan(0);
    // Named by their first characters only: the test report is a log too.
    const leaked = [...this.secrets]
      .filter((secret) => logs.includes(secret))
      .map((secret) => `${secret.slice(0, 6)}… (${secret.length} characters)`);
    expect(leaked).toEqual([]);
  }
}
