import type { AuthOutcome } from './auth-outcome';
import { AuthStrategy } from './auth-strategy';

/** `none`: everyone is the local user, with every scope. Refused at boot unless bound to loopback. */
export class AnonymousAuthStrategy extends AuthStrategy {
  readonly method = 'none';

  async authenticate(): Promise<AuthOutcome> {
    return Promise.resolve({ kind: 'accepted', principal: { id: 'local', method: 'none', scopes: undefined } });
  }
}
