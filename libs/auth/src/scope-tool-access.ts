import type { ToolAccess, ToolKind } from '@app/common';
import type { AuthChallenge } from './auth-challenge';
import { AuthErrorCode } from './auth-error-code.enum';
import type { AuthEvents } from './auth-events';
import { AuthException } from './auth.exception';
import type { Principal } from './principal';

/** Tool access from the principal's scopes: reads need the read (or write) scope, writes the write scope. */
export class ScopeToolAccess implements ToolAccess {
  constructor(
    private readonly principal: Principal,
    private readonly scopes: { readonly read: string; readonly write: string },
    private readonly challenge: AuthChallenge,
    private readonly events: AuthEvents,
  ) {}

  require(kind: ToolKind): void {
    const granted = this.principal.scopes;
    if (granted === undefined) return;
    const accepted = kind === 'read' ? [this.scopes.read, this.scopes.write] : [this.scopes.write];
    if (accepted.some((scope) => granted.includes(scope))) return;
    const needed = kind === 'read' ? this.scopes.read : this.scopes.write;
    this.events.emit('failure', { method: this.principal.method, reason: 'insufficient_scope' });
    throw new AuthException(AuthErrorCode.INSUFFICIENT_SCOPE, `${this.principal.method} principal lacks ${needed}`, {
      params: { scope: needed },
      headers: { 'WWW-Authenticate': this.challenge.insufficientScope(needed) },
    });
  }
}
