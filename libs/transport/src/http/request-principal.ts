import { RequestContext } from '@app/common';

/** Where no principal was established (no auth guard ran): the local user of a process without authentication. */
const NO_PRINCIPAL = 'anonymous';

/** Who is calling: the authenticated principal the auth guard put in the request context. */
export function requestPrincipalId(): string {
  return RequestContext.current()?.principalId ?? NO_PRINCIPAL;
}

/**
 * Whether `principalId` is the one local user of a server without authentication (`none:<id>` from
 * AUTH_METHODS=none, which is allowed on loopback only): every caller on this machine is that user.
 */
export function isLocalUser(principalId: string): boolean {
  return principalId === NO_PRINCIPAL || principalId.startsWith('none:');
}
