import { httpServerConfig, type HttpServerConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy as CustomStrategy } from 'passport-custom';
import type { Principal } from '../principal';
import type { AuthMethodStrategy, AuthVerdict } from './auth-method-strategy';

const LOCAL_USER: Principal = Object.freeze({ id: 'local', method: 'none', scopes: undefined });

/** `none`: everyone is the local user, with every scope. Refused at boot unless bound to loopback. */
@Injectable()
export class AnonymousAuthStrategy extends PassportStrategy(CustomStrategy, 'none') implements AuthMethodStrategy {
  readonly method = 'none';

  constructor(@Inject(httpServerConfig.KEY) private readonly server: HttpServerConfig) {
    super();
  }

  unconfigured(): undefined {
    if (!this.server.loopback) {
      throw new Error(
        `AUTH_METHODS includes none (no authentication) but HOST is ${this.server.host}: allowed only on a loopback address`,
      );
    }
    return undefined;
  }

  async validate(): Promise<AuthVerdict> {
    return Promise.resolve(LOCAL_USER);
  }
}
