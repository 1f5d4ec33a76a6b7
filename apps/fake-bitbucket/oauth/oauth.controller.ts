import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { SEED_CREDENTIALS } from '../auth/seed-credentials';
import { FakeStore } from '../runtime/fake-store.service';
import { FakeApiError } from '../shared/fake-api.error';

interface TokenRequest {
  grant_type?: string;
  refresh_token?: string;
  client_id?: string;
  client_secret?: string;
}

const oauthError = (status: number, error: string, description: string): FakeApiError =>
  new FakeApiError(status, { error, error_description: description });

/** Bitbucket Cloud's token endpoint: client credentials and refresh-token grants (docs/bitbucket-api.md#cloud-oauth). */
@Controller('site/oauth2')
export class OAuthController {
  constructor(private readonly store: FakeStore) {}

  @Post('access_token')
  @HttpCode(200)
  token(@Body() body: TokenRequest, @Headers('authorization') authorization?: string): Record<string, unknown> {
    const [user, secret] = /^basic\s/i.test(authorization ?? '')
      ? Buffer.from((authorization ?? '').slice(6).trim(), 'base64')
          .toString('utf8')
          .split(':', 2)
      : [body.client_id, body.client_secret];
    const consumer = SEED_CREDENTIALS.oauthConsumers.find((c) => c.clientId === user && c.secret === secret);
    if (consumer === undefined) throw oauthError(401, 'invalid_client', 'Invalid OAuth client credentials');
    const ttl = this.store.settings.oauthTokenTtlSeconds;
    const scopes = 'account repository:write pullrequest:write pipeline:write issue:write project';
    if (body.grant_type === 'client_credentials') {
      return this.response(
        this.store.oauthTokens.issue(consumer.clientId, consumer.owner, ttl, scopes),
        ttl,
        'client_credentials',
      );
    }
    if (body.grant_type === 'refresh_token') {
      const previous = this.store.oauthTokens.findRefreshToken(body.refresh_token ?? '');
      if (previous?.clientId !== consumer.clientId) throw oauthError(400, 'invalid_grant', 'Invalid refresh_token');
      // Bitbucket keeps the same refresh token and issues a new access token.
      const next = this.store.oauthTokens.issue(
        consumer.clientId,
        previous.userSlug,
        ttl,
        previous.scopes,
        previous.refreshToken,
      );
      return this.response(next, ttl, 'refresh_token');
    }
    throw oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${body.grant_type ?? '(none)'}`);
  }

  private response(
    token: { accessToken: string; refreshToken: string; scopes: string },
    ttl: number,
    state: string,
  ): Record<string, unknown> {
    return {
      access_token: token.accessToken,
      token_type: 'bearer',
      expires_in: ttl,
      refresh_token: token.refreshToken,
      scopes: token.scopes,
      state,
    };
  }
}
