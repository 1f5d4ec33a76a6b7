import { createHash } from 'node:crypto';
import type { OAuthTokenSource } from './oauth-token-source';
import { OutboundCredentials } from './outbound-credentials';

// Refresh this long before the token expires (a quarter of the lifetime for short-lived tokens), so a
// call rarely leaves with a token about to die; a 401 for an expired token still triggers one refresh.
const EXPIRY_MARGIN_MS = 60_000;

/**
 * Cloud OAuth 2.0 consumer: client-credentials grant, or the refresh-token grant when a refresh token
 * was configured (and whenever the endpoint handed one out). The token is cached and shared; concurrent
 * callers wait on one token request.
 */
export class OAuthCredentials extends OutboundCredentials {
  readonly kind = 'oauth';
  readonly refreshable = true;
  readonly id: string;
  /** The Authorization header of the current token, and when to fetch the next one. */
  private token: { header: string; refreshAt: number } | undefined;
  private pending: Promise<string> | undefined;
  private refreshToken: string | undefined;

  constructor(
    clientId: string,
    private readonly fetchToken: OAuthTokenSource,
    refreshToken?: string,
    private readonly now: () => number = Date.now,
    /** Told each time a token is replaced because it reached its refresh time. */
    private readonly onExpired: () => void = () => undefined,
  ) {
    super();
    this.id = `oauth:${createHash('sha256').update(clientId).digest('hex').slice(0, 12)}`;
    this.refreshToken = refreshToken;
  }

  async authorization(): Promise<string> {
    if (this.token !== undefined && this.now() < this.token.refreshAt) return this.token.header;
    if (this.token !== undefined && this.pending === undefined) this.onExpired();
    // Shared by every waiting caller, so it does not follow any one caller's cancellation.
    this.pending ??= this.obtain().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  invalidate(): void {
    this.token = undefined;
  }

  private async obtain(): Promise<string> {
    const form: Record<string, string> =
      this.refreshToken === undefined
        ? { grant_type: 'client_credentials' }
        : { grant_type: 'refresh_token', refresh_token: this.refreshToken };
    const issued = await this.fetchToken(form);
    if (issued.refreshToken !== undefined) this.refreshToken = issued.refreshToken;
    const lifetimeMs = issued.expiresInSeconds * 1000;
    this.token = {
      header: `Bearer ${issued.accessToken}`,
      refreshAt: this.now() + lifetimeMs - Math.min(EXPIRY_MARGIN_MS, lifetimeMs / 4),
    };
    return this.token.header;
  }
}
