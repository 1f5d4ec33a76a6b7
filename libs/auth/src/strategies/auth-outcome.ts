import type { Principal } from '../principal';

/**
 * What one method made of a request: no credential of its kind (the next method is tried), a
 * principal, or a refusal — whose `detail` is for operator logs only, never for the client.
 */
export type AuthOutcome =
  | { readonly kind: 'absent' }
  | { readonly kind: 'accepted'; readonly principal: Principal }
  | { readonly kind: 'rejected'; readonly reason: 'invalid' | 'expired'; readonly detail: string };
