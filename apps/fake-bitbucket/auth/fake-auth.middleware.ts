import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { FakeApiError } from '../shared/fake-api.error';
import { cloudErrors } from '../shared/cloud-errors';
import { datacenterErrors } from '../shared/datacenter-errors';
import { flavorOfPath } from '../shared/flavor-of-path';
import { FakeStore } from '../runtime/fake-store.service';
import type { FakeIdentity } from './fake-identity';
import { SEED_CREDENTIALS } from './seed-credentials';
import { sendFakeApiError } from '../shared/send-fake-api-error';

interface ParsedAuthorization {
  readonly scheme: 'basic' | 'bearer';
  readonly user?: string;
  readonly secret: string;
}

function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  if (header === undefined) return undefined;
  const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) return { scheme: 'bearer', secret: value };
  if (!/^basic$/i.test(scheme)) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { scheme: 'basic', user: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** Authenticates every Bitbucket route the way the real flavor does, or answers its real 401. */
@Injectable()
export class FakeAuthMiddleware implements NestMiddleware {
  constructor(private readonly store: FakeStore) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const path = req.originalUrl.split('?', 1)[0] ?? '/';
    const flavor = flavorOfPath(path);
    if (flavor === 'admin' || path.startsWith('/site/oauth2/')) {
      next();
      return;
    }
    const auth = parseAuthorization(req.headers.authorization);
    const outcome = flavor === 'cloud' ? this.cloud(auth) : this.datacenter(auth);
    if ('status' in outcome) {
      sendFakeApiError(res, outcome);
      return;
    }
    res.locals.fakeIdentity = outcome;
    if (flavor === 'datacenter') {
      res.setHeader('X-AUSERNAME', outcome.user.slug);
      res.setHeader('X-AUSERID', String(outcome.user.id));
    }
    next();
  }

  private identity(slug: string, credential: FakeIdentity['credential']): FakeIdentity {
    return { user: this.store.data.user(slug), credential };
  }

  private cloud(auth: ParsedAuthorization | undefined): FakeIdentity | FakeApiError {
    if (auth === undefined) return cloudErrors.unauthenticated();
    if (auth.scheme === 'basic') {
      const apiToken = SEED_CREDENTIALS.cloudApiTokens.find((c) => c.email === auth.user && c.token === auth.secret);
      if (apiToken !== undefined) return this.identity(apiToken.user, 'api-token');
      const appPassword = SEED_CREDENTIALS.cloudAppPasswords.find(
        (c) => c.username === auth.user && c.password === auth.secret,
      );
      if (appPassword !== undefined) return this.identity(appPassword.user, 'app-password');
      return cloudErrors.unauthenticated();
    }
    const accessToken = SEED_CREDENTIALS.cloudAccessTokens.find((c) => c.token === auth.secret);
    if (accessToken !== undefined) return this.identity(accessToken.user, 'access-token');
    const oauth = this.store.oauthTokens.findAccessToken(auth.secret);
    if (oauth !== undefined) {
      return oauth.expiresAt <= Date.now() ? cloudErrors.expiredAccessToken() : this.identity(oauth.userSlug, 'oauth');
    }
    // An API token sent as Bearer, or anything unknown: Cloud's real answer for both.
    return cloudErrors.invalidToken();
  }

  private datacenter(auth: ParsedAuthorization | undefined): FakeIdentity | FakeApiError {
    if (auth === undefined) return datacenterErrors.notAuthenticated();
    if (auth.scheme === 'basic') {
      const password = SEED_CREDENTIALS.datacenterPasswords.find(
        (c) => c.username === auth.user && c.password === auth.secret,
      );
      // DC also accepts an HTTP access token as the Basic password of its owner.
      const token = SEED_CREDENTIALS.datacenterTokens.find((c) => c.user === auth.user && c.token === auth.secret);
      const match = password ?? token;
      return match === undefined
        ? datacenterErrors.badCredentials()
        : this.identity(match.user, password ? 'basic' : 'http-token');
    }
    const token = SEED_CREDENTIALS.datacenterTokens.find((c) => c.token === auth.secret);
    return token === undefined ? datacenterErrors.badCredentials() : this.identity(token.user, 'http-token');
  }
}
