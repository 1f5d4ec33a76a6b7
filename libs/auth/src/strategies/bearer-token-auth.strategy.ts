import type { IncomingHttpHeaders } from 'node:http';
import { StaticCredentialSet } from '../credentials/static-credential-set';
import type { StaticCredentialEntry } from '../credentials/static-credential-entry';
import type { AuthOutcome } from './auth-outcome';
import { AuthStrategy } from './auth-strategy';
import { bearerToken } from './bearer-token';

/** `bearer`: the static tokens of AUTH_BEARER_TOKENS, as `Authorization: Bearer`. */
export class BearerTokenAuthStrategy extends AuthStrategy {
  readonly method = 'bearer';
  private readonly tokens: StaticCredentialSet;

  constructor(entries: readonly StaticCredentialEntry[]) {
    super();
    this.tokens = new StaticCredentialSet(entries);
  }

  async authenticate(headers: IncomingHttpHeaders): Promise<AuthOutcome> {
    const token = bearerToken(headers);
    if (token === undefined) return Promise.resolve({ kind: 'absent' });
    const match = this.tokens.match(token);
    return Promise.resolve(
      match === undefined
        ? { kind: 'rejected', reason: 'invalid', detail: 'not a configured bearer token' }
        : { kind: 'accepted', principal: { id: match.principal, method: 'bearer', scopes: match.scopes } },
    );
  }
}
