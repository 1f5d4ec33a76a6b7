import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import { TestRun } from './test-run';

/**
 * The MCP SDK's OAuthClientProvider for one test session, all in memory and without a browser: the SDK's "redirect the
 * user agent" is `authorize` (typically OAuthServerProcess.completeAuthorization), and the code it comes back with is
 * `authorizationCode`, for the next `auth()` or `transport.finishAuth()`. Registers itself as a public client (PKCE, no
 * secret) through dynamic client registration.
 */
export class InMemoryOAuthClientProvider implements OAuthClientProvider {
  private client?: OAuthClientInformationMixed;
  private savedTokens?: OAuthTokens;
  private savedCodeVerifier?: string;
  private callback?: URL;

  constructor(
    private readonly authorize: (authorizationUrl: URL) => Promise<URL>,
    /** Never requested: the authorization server's redirect to it is where `authorize` stops. */
    readonly redirectUrl = 'http://127.0.0.1/oauth/callback',
  ) {}

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: 'bitbucket-mcp e2e client',
      redirect_uris: [this.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }

  clientInformation(): OAuthClientInformationMixed | undefined {
    return this.client;
  }

  saveClientInformation(client: OAuthClientInformationMixed): void {
    TestRun.registerSecrets(client.client_secret);
    this.client = client;
  }

  tokens(): OAuthTokens | undefined {
    return this.savedTokens;
  }

  saveTokens(tokens: OAuthTokens): void {
    TestRun.registerSecrets(tokens.access_token, tokens.refresh_token);
    this.savedTokens = tokens;
  }

  async redirectToAuthorization(authorizationUrl: URL): Promise<void> {
    this.callback = await this.authorize(authorizationUrl);
  }

  saveCodeVerifier(codeVerifier: string): void {
    this.savedCodeVerifier = codeVerifier;
  }

  codeVerifier(): string {
    if (this.savedCodeVerifier === undefined) throw new Error('no authorization started');
    return this.savedCodeVerifier;
  }

  /** The `code` of the last authorization; throws with the redirect's `error` when there is none. */
  get authorizationCode(): string {
    const code = this.callback?.searchParams.get('code');
    if (code == null) throw new Error(`no authorization code: ${this.callback?.href ?? 'no authorization completed'}`);
    return code;
  }
}
