import type { IncomingHttpHeaders } from 'node:http';
import type { AuthMethod } from '../auth-method';
import type { AuthOutcome } from './auth-outcome';

/** One inbound authentication method; the priority provider orders the configured ones. */
export abstract class AuthStrategy {
  abstract readonly method: AuthMethod;
  abstract authenticate(headers: IncomingHttpHeaders): Promise<AuthOutcome>;
}
