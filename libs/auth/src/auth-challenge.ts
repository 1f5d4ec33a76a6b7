import type { AuthMethod } from './auth-method';
import { AuthErrorCode } from './auth-error-code.enum';

/** RFC 6750 quoted-string: no quotes or backslashes can break out of it. */
const quoted = (value: string): string => `"${value.replace(/["\\]/g, '')}"`;

const REALM = ['realm', 'bitbucket-mcp'] as const;

/**
 * `WWW-Authenticate` values (RFC 6750 §3, RFC 9728 §5.1) and the refusal messages, fitted to the
 * configured methods: every refusal names the protected resource metadata when OAuth is on, so MCP
 * clients can discover where to get a token; a server taking API keys only invites no Bearer token
 * (a client would start an OAuth flow) and names its header instead.
 */
export class AuthChallenge {
  /** Whether a token (OAuth or static bearer) is accepted, and whether an API key is. */
  private readonly takesTokens: boolean;
  private readonly takesApiKeys: boolean;

  constructor(
    methods: readonly AuthMethod[],
    private readonly resourceMetadataUrl: string | undefined,
  ) {
    this.takesTokens = methods.includes('oauth2') || methods.includes('bearer');
    this.takesApiKeys = methods.includes('apikey');
  }

  unauthorized(error?: { code: 'invalid_token'; description: string }): string {
    if (!this.takesTokens && this.takesApiKeys) return `ApiKey ${this.params([REALM, ['header', 'X-API-Key']])}`;
    return this.bearer(
      error === undefined
        ? []
        : [
            ['error', error.code],
            ['error_description', error.description],
          ],
    );
  }

  insufficientScope(scope: string): string {
    return this.bearer([
      ['error', 'insufficient_scope'],
      ['scope', scope],
    ]);
  }

  /** The catalogue key of a refusal's message: what it says is accepted is what is configured. */
  messageKey(code: AuthErrorCode.CREDENTIALS_REQUIRED | AuthErrorCode.INVALID_CREDENTIALS): string {
    if (this.takesTokens === this.takesApiKeys) return code;
    return `${code}${this.takesApiKeys ? '_API_KEY' : '_TOKEN'}`;
  }

  private bearer(params: readonly (readonly [string, string])[]): string {
    return `Bearer ${this.params([
      REALM,
      ...params,
      ...(this.resourceMetadataUrl === undefined ? [] : [['resource_metadata', this.resourceMetadataUrl] as const]),
    ])}`;
  }

  private params(params: readonly (readonly [string, string])[]): string {
    return params.map(([name, value]) => `${name}=${quoted(value)}`).join(', ');
  }
}
