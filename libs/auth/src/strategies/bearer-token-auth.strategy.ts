import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy as CustomStrategy } from 'passport-custom';
import { StaticCredentialSet } from '../credentials/static-credential-set';
import type { StaticCredentialsConfig } from '../credentials/static-credentials.config';
import { ABSENT, rejected, type AuthMethodStrategy, type AuthVerdict } from './auth-method-strategy';
import { bearerTokenAuthConfig } from './bearer-token-auth.config';
import { bearerToken } from './bearer-token';

/** `bearer`: the static tokens of AUTH_BEARER_TOKENS, as `Authorization: Bearer`. */
@Injectable()
export class BearerTokenAuthStrategy extends PassportStrategy(CustomStrategy, 'bearer') implements AuthMethodStrategy {
  readonly method = 'bearer';
  private readonly tokens: StaticCredentialSet;

  constructor(@Inject(bearerTokenAuthConfig.KEY) config: StaticCredentialsConfig) {
    super();
    this.tokens = new StaticCredentialSet(config.entries);
  }

  unconfigured(): string | undefined {
    return this.tokens.size === 0 ? 'no AUTH_BEARER_TOKENS' : undefined;
  }

  async validate(req: Request): Promise<AuthVerdict> {
    const token = bearerToken(req.headers);
    if (token === undefined) return Promise.resolve(ABSENT);
    const match = this.tokens.match(token);
    return Promise.resolve(
      match === undefined
        ? rejected('bearer', 'invalid', 'not a configured bearer token')
        : { id: match.principal, method: 'bearer', scopes: match.scopes },
    );
  }
}
