import { errors, jwtVerify } from 'jose';
import type { IncomingHttpHeaders } from 'node:http';
import type { StaticCredentialSet } from '../credentials/static-credential-set';
import type { JwksCache } from '../oauth/jwks-cache';
import type { TokenIntrospector } from '../oauth/token-introspector';
import { tokenScopes } from '../oauth/token-scopes';
import type { Principal } from '../principal';
import type { AuthOutcome } from './auth-outcome';
import { AuthStrategy } from './auth-strategy';
import { bearerToken } from './bearer-token';

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export interface OAuth2Settings {
  readonly issuer: string;
  readonly audience: string;
  readonly algorithms: readonly string[];
  readonly clockSkewSeconds: number;
}

/**
 * `oauth2`: this server as an OAuth 2.1 resource server. JWT access tokens are verified against the
 * issuer's keys (allow-listed asymmetric algorithms only, `iss`, `aud` = this resource, `exp`/`nbf`
 * with a small skew); other tokens are introspected when an introspection client is configured.
 */
export class OAuth2AuthStrategy extends AuthStrategy {
  readonly method = 'oauth2';

  constructor(
    private readonly settings: OAuth2Settings,
    private readonly jwks: JwksCache,
    private readonly introspector: TokenIntrospector,
    /** This server's own static bearer tokens: never sent to the authorization server for introspection. */
    private readonly staticTokens: StaticCredentialSet,
  ) {
    super();
  }

  async authenticate(headers: IncomingHttpHeaders): Promise<AuthOutcome> {
    const token = bearerToken(headers);
    if (token === undefined) return { kind: 'absent' };
    return JWT_SHAPE.test(token) ? this.verifyJwt(token) : this.introspect(token);
  }

  private async verifyJwt(token: string): Promise<AuthOutcome> {
    try {
      const { payload } = await jwtVerify(token, this.jwks.getKey, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: [...this.settings.algorithms],
        clockTolerance: this.settings.clockSkewSeconds,
        requiredClaims: ['exp'],
      });
      const id = payload.sub ?? (typeof payload.client_id === 'string' ? payload.client_id : undefined);
      if (id === undefined) return { kind: 'rejected', reason: 'invalid', detail: 'JWT names no subject or client' };
      return { kind: 'accepted', principal: this.principal(id, payload) };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { kind: 'rejected', reason: 'expired', detail: 'JWT expired' };
      const detail = error instanceof errors.JOSEError ? `${error.code}: ${error.message}` : String(error);
      return { kind: 'rejected', reason: 'invalid', detail };
    }
  }

  private async introspect(token: string): Promise<AuthOutcome> {
    if (this.staticTokens.match(token) !== undefined) {
      return { kind: 'rejected', reason: 'invalid', detail: 'a static bearer token, not an OAuth token' };
    }
    if (!this.introspector.available) {
      return { kind: 'rejected', reason: 'invalid', detail: 'opaque token and no introspection client configured' };
    }
    const answer = await this.introspector.introspect(token);
    if (answer?.active !== true) return { kind: 'rejected', reason: 'invalid', detail: 'token not active' };
    const now = Date.now() / 1000;
    const skew = this.settings.clockSkewSeconds;
    if (answer.exp !== undefined && answer.exp + skew < now) {
      return { kind: 'rejected', reason: 'expired', detail: 'introspected token expired' };
    }
    if (answer.nbf !== undefined && answer.nbf - skew > now) {
      return { kind: 'rejected', reason: 'invalid', detail: 'introspected token not yet valid' };
    }
    const audiences = answer.aud === undefined ? [] : [answer.aud].flat();
    if (audiences.length > 0 && !audiences.includes(this.settings.audience)) {
      return { kind: 'rejected', reason: 'invalid', detail: 'introspected token is for another audience' };
    }
    if (answer.iss !== undefined && answer.iss !== this.settings.issuer) {
      return { kind: 'rejected', reason: 'invalid', detail: 'introspected token from another issuer' };
    }
    const id = answer.sub ?? answer.client_id;
    if (id === undefined) return { kind: 'rejected', reason: 'invalid', detail: 'introspection names no subject' };
    return { kind: 'accepted', principal: this.principal(id, answer) };
  }

  private principal(
    id: string,
    claims: { readonly scope?: unknown; readonly scp?: unknown; readonly exp?: number; readonly locale?: unknown },
  ): Principal {
    return {
      id,
      method: 'oauth2',
      scopes: tokenScopes(claims),
      ...(typeof claims.locale === 'string' ? { locale: claims.locale } : {}),
      ...(claims.exp === undefined ? {} : { expiresAt: claims.exp * 1000 }),
    };
  }
}
