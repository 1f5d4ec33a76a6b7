import { RequestContext } from '@app/common';

/**
 * Who is calling: the authenticated principal the auth guard put in the request context. Every MCP
 * route is behind the guard, so a request without one was never authenticated: it is refused (500,
 * a wiring defect) rather than served as somebody, which would own sessions and escape their quota.
 */
export function requestPrincipalId(): string {
  const principalId = RequestContext.required('the calling principal').principalId;
  if (principalId === undefined) throw new Error('No authenticated principal in the request context: refused');
  return principalId;
}

/**
 * Whether `principalId` is the one local user of a server without authentication (`none:<id>` from
 * AUTH_METHODS=none, which is allowed on loopback only): every caller on this machine is that user.
 */
export function isLocalUser(principalId: string): boolean {
  return principalId.startsWith('none:');
}
