import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OAuthMetadata } from '@modelcontextprotocol/sdk/shared/auth.js';
import type { JWK } from 'jose';
import { CookieJar } from './cookie-jar';
import { forgeAccessToken, type ForgedTokenClaims, type ForgedTokenKind } from './forge-access-token';
import { SpawnedProcess } from './spawned-process';
import { TestRun } from './test-run';

export type AccessTokenFormat = 'jwt' | 'opaque';

export interface OAuthServerOptions {
  /** The resource indicators tokens are issued for, each the `aud` of its tokens, with the format of those tokens. */
  readonly resources?: Readonly<Record<string, AccessTokenFormat>>;
  /** Default `bitbucket:read bitbucket:write`. */
  readonly scopes?: readonly string[];
  /** Default 300. */
  readonly accessTokenTtlSeconds?: number;
  /** The account every authorization logs in, the `sub` of user tokens; default `test-user`. */
  readonly account?: string;
  /** When set, the `locale` claim of that account's access tokens. */
  readonly locale?: string;
}

export interface ClientCredentialsTokenRequest {
  /** Any scope, even one the server does not know; default all the server's scopes. */
  readonly scope?: string;
  /** The `aud`; any URL, even one the server does not issue tokens for. Without it, an opaque token with no audience. */
  readonly resource?: string;
  /** Default the resource's format, else `jwt`. */
  readonly format?: AccessTokenFormat;
  readonly ttlSeconds?: number;
  readonly extraClaims?: Record<string, unknown>;
}

export interface ConfidentialClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** How the server is down: `refuse` closes its port, `hang` freezes the process so connections open and never answer. */
export type OutageMode = 'refuse' | 'hang';

const SCRIPT = 'libs/testing/oauth/oauth-server.mjs';
const DEFAULT_SCOPES = ['bitbucket:read', 'bitbucket:write'];
const MAX_REDIRECTS = 10;

/**
 * A real OAuth 2.0 / OpenID authorization server (oidc-provider, libs/testing/oauth/oauth-server.mjs) in its own
 * process on a free loopback port: dynamic client registration, authorization code with PKCE (required), client
 * credentials, introspection, revocation, JWT or opaque access tokens whose `aud` is the resource indicator. Its admin
 * API mints tokens, rotates keys and revokes tokens; `forgeToken` makes the hostile ones.
 */
export class OAuthServerProcess {
  private outage?: OutageMode;

  private constructor(
    private readonly process: SpawnedProcess,
    /** The server's RFC 8414 metadata, as served. */
    readonly metadata: OAuthMetadata,
    /** Pre-registered confidential client: client credentials grant and introspection, `client_secret_basic`. */
    readonly client: ConfidentialClient,
    readonly scopes: readonly string[],
    /** The account every authorization logs in: the `sub` of user tokens. */
    readonly account: string,
  ) {}

  static async start(options: OAuthServerOptions = {}): Promise<OAuthServerProcess> {
    const client = { clientId: 'bitbucket-mcp', clientSecret: randomBytes(24).toString('base64url') };
    const scopes = options.scopes ?? DEFAULT_SCOPES;
    const account = options.account ?? 'test-user';
    const env = {
      OAUTH_FIXTURE_RESOURCES: JSON.stringify(options.resources ?? {}),
      OAUTH_FIXTURE_SCOPES: scopes.join(' '),
      OAUTH_FIXTURE_CLIENT_ID: client.clientId,
      OAUTH_FIXTURE_CLIENT_SECRET: client.clientSecret,
      OAUTH_FIXTURE_ACCESS_TOKEN_TTL: options.accessTokenTtlSeconds?.toString(),
      OAUTH_FIXTURE_ACCOUNT: account,
      OAUTH_FIXTURE_LOCALE: options.locale,
    };
    const process = SpawnedProcess.script(
      SCRIPT,
      Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    );
    try {
      const [, issuer = ''] = await process.waitForStdout(/^listening on (\S+)$/m);
      const metadata = (await (
        await fetch(`${issuer}/.well-known/oauth-authorization-server`)
      ).json()) as OAuthMetadata;
      return new OAuthServerProcess(process, metadata, client, scopes, account);
    } catch (error) {
      await process.stop();
      throw error;
    }
  }

  /** `http://127.0.0.1:<port>`, the `iss` of its tokens. */
  get issuer(): string {
    return this.metadata.issuer;
  }

  get jwksUri(): string {
    return this.advertised('jwks_uri');
  }

  get tokenEndpoint(): string {
    return this.metadata.token_endpoint;
  }

  get introspectionEndpoint(): string {
    return this.advertised('introspection_endpoint');
  }

  /** A client-credentials access token for the confidential client, minted by the server itself. */
  async clientCredentialsToken(request: ClientCredentialsTokenRequest = {}): Promise<string> {
    const token = (await this.admin<{ access_token: string }>('POST', 'tokens', request)).access_token;
    TestRun.registerSecrets(token);
    return token;
  }

  /** From now on the server also issues tokens for `resource` (e.g. a server under test started after it). */
  async addResource(resource: string, format: AccessTokenFormat = 'jwt'): Promise<void> {
    await this.admin('POST', 'resources', { resource, format });
  }

  /**
   * A new key (new `kid`) signs from now on. With `keepPrevious` (the default) the JWKS still publishes the older keys,
   * as a real rotation does; without, tokens they signed no longer verify. Returns the new `kid`.
   */
  async rotateKeys({ keepPrevious = true }: { keepPrevious?: boolean } = {}): Promise<string> {
    return (await this.admin<{ kid: string }>('POST', 'keys/rotate', { keepPrevious })).kid;
  }

  /** Revokes a stored (opaque) token: introspection answers `active: false` from now on. JWTs are never stored. */
  async revoke(token: string): Promise<void> {
    await this.admin('POST', 'revoke', { token });
  }

  /**
   * Every request its OAuth endpoints received so far (discovery, JWKS, token, introspection…), oldest first, as
   * `METHOD /path`; the admin API's own requests are not among them.
   */
  async providerRequests(): Promise<string[]> {
    return this.admin<string[]>('GET', 'requests');
  }

  /** The private JWK that signs now (e.g. for a test proving it never appears in a log). */
  async signingKey(): Promise<JWK> {
    const key = await this.admin<JWK>('GET', 'keys/signing');
    TestRun.registerSecrets(key.d);
    return key;
  }

  /** A JWT access token with exactly one defect (or none, for `valid`), signed with this server's key where it applies. */
  async forgeToken(kind: ForgedTokenKind, claims: Partial<ForgedTokenClaims> & { audience: string }): Promise<string> {
    return forgeAccessToken(kind, {
      issuer: this.issuer,
      signingKey: await this.signingKey(),
      claims: { scope: this.scopes.join(' '), ...claims },
    });
  }

  /** Takes the server down; `resume()` brings it back on the same port with its keys, clients and tokens. */
  async pause(mode: OutageMode = 'refuse'): Promise<void> {
    if (mode === 'hang') {
      this.process.child.kill('SIGSTOP');
    } else {
      this.process.child.stdin?.write('pause\n');
      await this.waitUntilRefused();
    }
    this.outage = mode;
  }

  async resume(): Promise<void> {
    if (this.outage === 'hang') this.process.child.kill('SIGCONT');
    else this.process.child.stdin?.write('resume\n');
    this.outage = undefined;
    await this.process.waitForHttp(this.discoveryUrl);
  }

  /**
   * Plays the user agent for an authorization URL (e.g. the one OAuthClientProvider.redirectToAuthorization receives):
   * follows the redirects with their cookies; the server logs its account in and consents. Returns the redirect to the
   * client's redirect_uri, carrying `code` (or `error`).
   */
  async completeAuthorization(authorizationUrl: URL): Promise<URL> {
    const cookies = new CookieJar();
    const origin = new URL(this.issuer).origin;
    let url = authorizationUrl;
    for (let redirects = 0; redirects < MAX_REDIRECTS; redirects += 1) {
      const res = await fetch(url, { redirect: 'manual', headers: { Cookie: cookies.header } });
      const body = await res.text();
      cookies.store(res);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || location === null) {
        throw new Error(`authorization stopped at ${url.href}: ${res.status} ${body}`);
      }
      url = new URL(location, url);
      if (url.origin !== origin) return url;
    }
    throw new Error(`authorization still redirecting after ${MAX_REDIRECTS} redirects, at ${url.href}`);
  }

  get output(): string {
    return this.process.output;
  }

  async stop(): Promise<void> {
    if (this.outage === 'hang') this.process.child.kill('SIGCONT');
    await this.process.stop();
  }

  private get discoveryUrl(): string {
    return `${this.issuer}/.well-known/oauth-authorization-server`;
  }

  private advertised(endpoint: 'jwks_uri' | 'introspection_endpoint'): string {
    const url = this.metadata[endpoint];
    if (typeof url !== 'string') throw new Error(`the authorization server advertises no ${endpoint}`);
    return url;
  }

  private async admin<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.issuer}/__admin/${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`oauth admin ${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  private async waitUntilRefused(timeoutMs = 5000): Promise<void> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      try {
        await (await fetch(this.discoveryUrl)).arrayBuffer();
      } catch {
        return;
      }
      await sleep(10);
    }
    throw new Error(`${this.issuer} still answering ${timeoutMs} ms after pause`);
  }
}
