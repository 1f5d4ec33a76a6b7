import { Logger } from '@nestjs/common';
import type { Dispatcher } from 'undici';
import { BitbucketErrorCode } from '../bitbucket-error-code.enum';
import type { BitbucketEvents } from '../bitbucket-events';
import type { BitbucketConfig } from '../bitbucket.config';
import { BitbucketException } from '../bitbucket.exception';
import { sendHttp } from '../upstream/upstream-http';
import { upstreamErrorDetail } from '../upstream/upstream-error-detail';
import { OAuthCredentials } from './oauth-credentials';
import type { OAuthTokenSource } from './oauth-token-source';
import type { OutboundCredentials } from './outbound-credentials';
import { StaticCredentials } from './static-credentials';

interface TokenResponse {
  access_token?: string;
  expires_in?: number;
  refresh_token?: string;
}

function tokenSource(
  config: BitbucketConfig,
  dispatcher: Dispatcher,
  clientId: string,
  clientSecret: string,
): OAuthTokenSource {
  const url = config.credentials.oauthTokenUrl;
  return async (form) => {
    const response = await sendHttp(dispatcher, {
      method: 'POST',
      url,
      headers: {
        Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: new URLSearchParams(form).toString(),
      timeoutMs: config.http.timeoutMs,
    }).catch((error: unknown) => {
      throw new BitbucketException(BitbucketErrorCode.UPSTREAM_UNAVAILABLE, `OAuth token endpoint unreachable`, {
        cause: error,
      });
    });
    const body = response.status === 200 ? response.json<TokenResponse>() : undefined;
    if (body?.access_token === undefined) {
      const detail = upstreamErrorDetail(response) || `status ${response.status}`;
      throw new BitbucketException(
        response.status >= 500 ? BitbucketErrorCode.UPSTREAM_UNAVAILABLE : BitbucketErrorCode.UNAUTHORIZED,
        `OAuth token request (${form.grant_type ?? ''}) refused: ${detail}`,
      );
    }
    return {
      accessToken: body.access_token,
      expiresInSeconds: body.expires_in ?? 3600,
      ...(body.refresh_token === undefined ? {} : { refreshToken: body.refresh_token }),
    };
  };
}

/** The configured outbound credential (the config schema allows at most one kind). */
export function createOutboundCredentials(
  config: BitbucketConfig,
  dispatcher: Dispatcher,
  events: BitbucketEvents,
): OutboundCredentials {
  const logger = new Logger('BitbucketCredentials');
  const c = config.credentials;
  if (c.email !== undefined && c.apiToken !== undefined)
    return StaticCredentials.basic('api-token', c.email, c.apiToken);
  if (c.accessToken !== undefined) return StaticCredentials.bearer('access-token', c.accessToken);
  if (c.oauthClientId !== undefined && c.oauthClientSecret !== undefined) {
    return new OAuthCredentials(
      c.oauthClientId,
      tokenSource(config, dispatcher, c.oauthClientId, c.oauthClientSecret),
      c.oauthRefreshToken,
      Date.now,
      () => events.emit('token-refresh', { reason: 'expired' }),
    );
  }
  if (c.username !== undefined && c.password !== undefined) {
    if (config.flavor === 'cloud') {
      logger.warn(
        'BITBUCKET_USERNAME/BITBUCKET_PASSWORD on Bitbucket Cloud is an app password: deprecated, and refused by Cloud since 2026-06-09. Use BITBUCKET_EMAIL + BITBUCKET_API_TOKEN.',
      );
      return StaticCredentials.basic('app-password', c.username, c.password);
    }
    return StaticCredentials.basic('basic', c.username, c.password);
  }
  // A local client's configuration that forgot its env starts a server talking to api.bitbucket.org: say so.
  logger.warn(
    `No Bitbucket credentials configured: calls to ${config.baseUrl} go out anonymously and most will be refused. Set BITBUCKET_URL and a credential (docs/configuration.md).`,
  );
  return new StaticCredentials('anonymous', undefined);
}
