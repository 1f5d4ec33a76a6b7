import { RequestContext } from '@app/common';

/**
 * Runs `end` when the current request's credential expires (or after `maxMs`, whichever is first),
 * so a long-lived stream never outlives the token that opened it; returns the canceller.
 */
export function endAtCredentialExpiry(end: () => void, maxMs = Infinity): () => void {
  const expiresAt = RequestContext.required('the credential expiry of a stream').credentialExpiresAt;
  const delay = Math.min(maxMs, expiresAt === undefined ? Infinity : Math.max(0, expiresAt - Date.now()));
  if (!Number.isFinite(delay)) return () => undefined;
  const timer = setTimeout(end, delay).unref();
  return () => {
    clearTimeout(timer);
  };
}
