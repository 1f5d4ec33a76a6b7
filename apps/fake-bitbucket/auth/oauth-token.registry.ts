import { randomBytes } from 'node:crypto';

export interface IssuedOAuthToken {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly clientId: string;
  readonly userSlug: string;
  readonly expiresAt: number;
  readonly scopes: string;
}

const opaque = (): string => randomBytes(24).toString('base64url');

/** Access and refresh tokens the fake's OAuth endpoint has issued. */
export class OAuthTokenRegistry {
  private readonly byAccessToken = new Map<string, IssuedOAuthToken>();
  private readonly byRefreshToken = new Map<string, IssuedOAuthToken>();

  issue(
    clientId: string,
    userSlug: string,
    ttlSeconds: number,
    scopes: string,
    refreshToken = opaque(),
  ): IssuedOAuthToken {
    const token: IssuedOAuthToken = {
      accessToken: opaque(),
      refreshToken,
      clientId,
      userSlug,
      expiresAt: Date.now() + ttlSeconds * 1000,
      scopes,
    };
    this.byAccessToken.set(token.accessToken, token);
    this.byRefreshToken.set(refreshToken, token);
    return token;
  }

  findAccessToken(accessToken: string): IssuedOAuthToken | undefined {
    return this.byAccessToken.get(accessToken);
  }

  findRefreshToken(refreshToken: string): IssuedOAuthToken | undefined {
    return this.byRefreshToken.get(refreshToken);
  }

  /** Makes every issued access token expired now (refresh tokens stay valid), as if their lifetime had passed. */
  expireAll(): number {
    const now = Date.now();
    for (const [key, token] of this.byAccessToken) this.byAccessToken.set(key, { ...token, expiresAt: now });
    return this.byAccessToken.size;
  }
}
