import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { AuthMethod } from './auth-method';

export interface AuthFailureEvent {
  /** The method that refused the credential; `missing` when the request carried none. */
  readonly method: AuthMethod | 'missing';
  readonly reason: 'missing' | 'invalid' | 'expired' | 'insufficient_scope';
}

interface AuthEventMap {
  failure: [AuthFailureEvent];
}

/**
 * Refused requests, as events: by the method that refused and a bounded reason, never the credential.
 * Metrics count them; authentication never depends on that.
 */
@Injectable()
export class AuthEvents extends EventEmitter<AuthEventMap> {}
