import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy as CustomStrategy } from 'passport-custom';
import { StaticCredentialSet } from '../credentials/static-credential-set';
import type { StaticCredentialsConfig } from '../credentials/static-credentials.config';
import { apiKeyAuthConfig } from './api-key-auth.config';
import { ABSENT, rejected, type AuthMethodStrategy, type AuthVerdict } from './auth-method-strategy';

/** `apikey`: the keys of AUTH_API_KEYS in the X-API-Key header — never a query string, which logs and proxies keep. */
@Injectable()
export class ApiKeyAuthStrategy extends PassportStrategy(CustomStrategy, 'apikey') implements AuthMethodStrategy {
  readonly method = 'apikey';
  private readonly keys: StaticCredentialSet;

  constructor(@Inject(apiKeyAuthConfig.KEY) config: StaticCredentialsConfig) {
    super();
    this.keys = new StaticCredentialSet(config.entries);
  }

  unconfigured(): string | undefined {
    return this.keys.size === 0 ? 'no AUTH_API_KEYS' : undefined;
  }

  async validate(req: Request): Promise<AuthVerdict> {
    const key = req.headers['x-api-key'];
    if (typeof key !== 'string' || key === '') return Promise.resolve(ABSENT);
    const match = this.keys.match(key);
    return Promise.resolve(
      match === undefined
        ? rejected('apikey', 'invalid', 'not a configured API key')
        : { id: match.principal, method: 'apikey', scopes: match.scopes },
    );
  }
}
