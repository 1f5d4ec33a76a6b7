import { RequestContext } from '@app/common';

/** Who is calling: the authenticated principal the auth guard put in the request context. */
export function requestPrincipalId(): string {
  return RequestContext.current()?.principalId ?? 'anonymous';
}
