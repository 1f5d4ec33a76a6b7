import type { Request } from 'express';
import type { AuthMethod } from '../auth-method';
import type { Principal } from '../principal';

/**
 * Why a method did not accept a request: it found no credential of its kind, or it refused one —
 * the `detail` of a refusal is for operator logs only, never for the client.
 */
export type AuthFailure =
  | { readonly kind: 'absent' }
  | {
      readonly kind: 'rejected';
      readonly method: AuthMethod;
      readonly reason: 'invalid' | 'expired';
      readonly detail: string;
    };

/**
 * What a strategy's `validate` answers: the principal, or `false` with the failure, which
 * passport-custom hands to passport as the method's challenge before the next method is tried.
 */
export type AuthVerdict = Principal | readonly [false, AuthFailure];

/** No credential of the method's kind: one shared answer, nothing allocated per request. */
export const ABSENT: AuthVerdict = Object.freeze([false, Object.freeze({ kind: 'absent' })] as const);

export const rejected = (method: AuthMethod, reason: 'invalid' | 'expired', detail: string): AuthVerdict => [
  false,
  { kind: 'rejected', method, reason, detail },
];

/**
 * One inbound authentication method: a `PassportStrategy` over passport-custom, registered with
 * passport under its method's name, and listed in AUTH_METHOD_STRATEGIES (auth-method-strategies.ts).
 */
export interface AuthMethodStrategy {
  readonly method: AuthMethod;
  /** Why the method cannot run with its settings (the priority provider then skips it), or undefined when it can. */
  unconfigured(): string | undefined;
  validate(req: Request): Promise<AuthVerdict>;
}
