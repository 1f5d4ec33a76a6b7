/** RFC 6750 quoted-string: no quotes or backslashes can break out of it. */
const quoted = (value: string): string => `"${value.replace(/["\\]/g, '')}"`;

/**
 * `WWW-Authenticate` values (RFC 6750 §3, RFC 9728 §5.1): every refusal names the protected
 * resource metadata when OAuth is on, so MCP clients can discover where to get a token.
 */
export class AuthChallenge {
  constructor(private readonly resourceMetadataUrl: string | undefined) {}

  unauthorized(error?: { code: 'invalid_token'; description: string }): string {
    return this.header(
      error === undefined
        ? []
        : [
            ['error', error.code],
            ['error_description', error.description],
          ],
    );
  }

  insufficientScope(scope: string): string {
    return this.header([
      ['error', 'insufficient_scope'],
      ['scope', scope],
    ]);
  }

  private header(params: readonly (readonly [string, string])[]): string {
    const all = [
      ['realm', 'bitbucket-mcp'] as const,
      ...params,
      ...(this.resourceMetadataUrl === undefined ? [] : [['resource_metadata', this.resourceMetadataUrl] as const]),
    ];
    return `Bearer ${all.map(([name, value]) => `${name}=${quoted(value)}`).join(', ')}`;
  }
}
