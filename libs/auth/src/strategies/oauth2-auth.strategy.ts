import { httpServerConfig, type HttpServerConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { errors, jwtVerify } from 'jose';
import { Strategy as CustomStrategy } from 'passport-custom';
import { StaticCredentialSet } from '../credentials/static-credential-set';
import type { StaticCredentialsConfig } from '../credentials/static-credentials.config';
import { AuthorizationServerMetadata } from '../oauth/authorization-server-metadata';
import { JwksCache } from '../oauth/jwks-cache';
import { TokenIntrospector } from '../oauth/token-introspector';
import { tokenScopes } from '../oauth/token-scopes';
import type { Principal } from '../principal';
import { ABSENT, rejected, type AuthMethodStrategy, type AuthVerdict } from './auth-method-strategy';
import { bearerTokenAuthConfig } from './bearer-token-auth.config';
import { bearerToken } from './bearer-token';
import { oauth2AuthConfig, type OAuth2AuthConfig } from './oauth2-auth.config';

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** What checking a token needs, once OAUTH_ISSUER is set. */
interface Issuer {
  readonly issuer: string;
  readonly audience: string;
  readonly algorithms: string[];
  readonly clockSkewSeconds: number;
  readonly jwks: JwksCache;
  readonly introspector: TokenIntrospector;
}

function issuerOf(oauth: OAuth2AuthConfig, server: HttpServerConfig): Issuer | undefined {
  if (oauth.issuer === undefined) return undefined;
  const metadata = new AuthorizationServerMetadata(oauth.issuer, {
    ...(oauth.jwksUri === undefined ? {} : { jwksUri: oauth.jwksUri }),
    ...(oauth.introspectionUrl === undefined ? {} : { introspectionUrl: oauth.introspectionUrl }),
  });
  const client =
    oauth.clientId === undefined || oauth.clientSecret === undefined
      ? undefined
      : { id: oauth.clientId, secret: oauth.clientSecret };
  return {
    issuer: oauth.issuer,
    audience: oauth.audience ?? server.mcpResourceUrl,
    algorithms: [...oauth.algorithms],
    clockSkewSeconds: oauth.clockSkewSeconds,
    jwks: new JwksCache(async () => (await metadata.endpoints()).jwksUri, oauth.jwksRefreshMs, oauth.jwksMinRefetchMs),
    introspector: new TokenIntrospector(
      async () => (await metadata.endpoints()).introspectionUrl,
      client,
      oauth.introspectionCacheMs,
    ),
  };
}

/**
 * `oauth2`: this server as an OAuth 2.1 resource server. JWT access tokens are verified against the
 * issuer's keys (allow-listed asymmetric algorithms only, `iss`, `aud` = this resource, `exp`/`nbf`
 * with a small skew); other tokens are introspected when an introspection client is configured.
 */
@Injectable()
export class OAuth2AuthStrategy extends PassportStrategy(CustomStrategy, 'oauth2') implements AuthMethodStrategy {
  readonly method = 'oauth2';
  private readonly settings: Issuer | undefined;
  /** This server's own static bearer tokens: never sent to the authorization server for introspection. */
  private readonly staticTokens: StaticCredentialSet;

  constructor(
    @Inject(oauth2AuthConfig.KEY) oauth: OAuth2AuthConfig,
    @Inject(bearerTokenAuthConfig.KEY) bearer: StaticCredentialsConfig,
    @Inject(httpServerConfig.KEY) server: HttpServerConfig,
  ) {
    super();
    this.settings = issuerOf(oauth, server);
    this.staticTokens = new StaticCredentialSet(bearer.entries);
  }

  unconfigured(): string | undefined {
    return this.settings === undefined ? 'no OAUTH_ISSUER' : undefined;
  }

  async validate(req: Request): Promise<AuthVerdict> {
    const token = bearerToken(req.headers);
    // Never in the order when unconfigured (the priority provider skips it); a token is then absent to it.
    if (token === undefined || this.settings === undefined) return ABSENT;
    return JWT_SHAPE.test(token) ? this.verifyJwt(token, this.settings) : this.introspect(token, this.settings);
  }

  private async verifyJwt(token: string, settings: Issuer): Promise<AuthVerdict> {
    try {
      const { payload } = await jwtVerify(token, settings.jwks.getKey, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: settings.algorithms,
        clockTolerance: settings.clockSkewSeconds,
        requiredClaims: ['exp'],
      });
      const id = payload.sub ?? (typeof payload.client_id === 'string' ? payload.client_id : undefined);
      if (id === undefined) return rejected('oauth2', 'invalid', 'JWT names no subject or client');
      return this.principal(id, payload);
    } catch (error) {
      if (error instanceof errors.JWTExpired) return rejected('oauth2', 'expired', 'JWT expired');
      const detail = error instanceof errors.JOSEError ? `${error.code}: ${error.message}` : String(error);
      return rejected('oauth2', 'invalid', detail);
    }
  }

  private async introspect(token: string, settings: Issuer): Promise<AuthVerdict> {
    if (this.staticTokens.match(token) !== undefined) {
      return rejected('oauth2', 'invalid', 'a static bearer token, not an OAuth token');
    }
    if (!settings.introspector.available) {
      return rejected('oauth2', 'invalid', 'opaque token and no introspection client configured');
    }
    const answer = await settings.introspector.introspect(token);
    if (answer?.active !== true) return rejected('oauth2', 'invalid', 'token not active');
    const now = Date.now() / 1000;
    const skew = settings.clockSkewSeconds;
    if (answer.exp !== undefined && answer.exp + skew < now) {
      return rejected('oauth2', 'expired', 'introspected token expired');
    }
    if (answer.nbf !== undefined && answer.nbf - skew > now) {
      return rejected('oauth2', 'invalid', 'introspected token not yet valid');
    }
    const audiences = answer.aud === undefined ? [] : [answer.aud].flat();
    if (audiences.length > 0 && !audiences.includes(settings.audience)) {
      return rejected('oauth2', 'invalid', 'introspected token is for another audience');
    }
    if (answer.iss !== undefined && answer.iss !== settings.issuer) {
      return rejected('oauth2', 'invalid', 'introspected token from another issuer');
    }
    const id = answer.sub ?? answer.client_id;
    if (id === undefined) return rejected('oauth2', 'invalid', 'introspection names no subject');
    return this.principal(id, answer);
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
