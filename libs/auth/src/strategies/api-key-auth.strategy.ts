import type { IncomingHttpHeaders } from 'node:http';
import { StaticCredentialSet } from '../credentials/static-credential-set';
import type { StaticCredentialEntry } from '../credentials/static-credential-entry';
import type { AuthOutcome } from './auth-outcome';
import { AuthStrategy } from './auth-strategy';

/** `apikey`: the keys of AUTH_API_KEYS in the X-API-Key header — never a query string, which logs and proxies keep. */
export class ApiKeyAuthStrategy extends AuthStrategy {
  readonly method = 'apikey';
  private readonly keys: StaticCredentialSet;

  constructor(entries: readonly StaticCredentialEntry[]) {
    super();
    this.keys = new StaticCredentialSet(entries);
  }

  async authenticate(headers: IncomingHttpHeaders): Promise<AuthOutcome> {
    const key = headers['x-api-key'];
    if (typeof key !== 'string' || key === '') return Promise.resolve({ kind: 'absent' });
    const match = this.keys.match(key);
    return Promise.resolve(
      match === undefined
        ? { kind: 'rejected', reason: 'invalid', detail: 'not a configured API key' }
        : { kind: 'accepted', principal: { id: match.principal, method: 'apikey', scopes: match.scopes } },
    );
  }
}
