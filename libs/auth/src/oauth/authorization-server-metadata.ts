import { Logger } from '@nestjs/common';

const FETCH_TIMEOUT_MS = 5000;
const RETRY_AFTER_FAILURE_MS = 30000;

export interface AuthorizationServerEndpoints {
  readonly jwksUri?: string;
  readonly introspectionUrl?: string;
}

/** RFC 8414 inserts the well-known path before the issuer's path; OpenID Connect appends it. */
function metadataUrls(issuer: string): string[] {
  const url = new URL(issuer);
  const path = url.pathname.replace(/\/+$/, '');
  return [
    `${url.origin}/.well-known/oauth-authorization-server${path}`,
    `${url.origin}${path}/.well-known/openid-configuration`,
  ];
}

/**
 * The issuer's endpoints (JWKS, introspection), from the operator's settings where given, else from
 * the issuer's metadata, fetched once (concurrent callers share the fetch) and again only after a
 * failure has cooled down.
 */
export class AuthorizationServerMetadata {
  private readonly logger = new Logger('OAuthMetadata');
  private discovered: AuthorizationServerEndpoints | undefined;
  private discovering: Promise<AuthorizationServerEndpoints | undefined> | undefined;
  private lastFailure = 0;

  constructor(
    private readonly issuer: string,
    private readonly configured: AuthorizationServerEndpoints,
  ) {}

  async endpoints(): Promise<AuthorizationServerEndpoints> {
    const known = { ...this.discovered, ...this.configured };
    if (known.jwksUri !== undefined && known.introspectionUrl !== undefined) return known;
    if (this.discovered === undefined && Date.now() - this.lastFailure > RETRY_AFTER_FAILURE_MS) {
      this.discovering ??= this.discover(this.issuer).finally(() => {
        this.discovering = undefined;
      });
      this.discovered = await this.discovering;
    }
    return { ...this.discovered, ...this.configured };
  }

  private async discover(issuer: string): Promise<AuthorizationServerEndpoints | undefined> {
    for (const url of metadataUrls(issuer)) {
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
        if (!res.ok) continue;
        const body = (await res.json()) as { jwks_uri?: unknown; introspection_endpoint?: unknown };
        return {
          ...(typeof body.jwks_uri === 'string' ? { jwksUri: body.jwks_uri } : {}),
          ...(typeof body.introspection_endpoint === 'string' ? { introspectionUrl: body.introspection_endpoint } : {}),
        };
      } catch (error) {
        this.logger.warn(
          `Metadata of ${issuer} unreachable at ${url}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    this.lastFailure = Date.now();
    return undefined;
  }
}
