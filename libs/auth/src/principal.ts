import type { AuthMethod } from './auth-method';

/** Who a request comes from, as one of the configured methods established it. */
export interface Principal {
  readonly id: string;
  readonly method: AuthMethod;
  /** Granted scopes; `undefined` means every scope (a static credential without a list). */
  readonly scopes: readonly string[] | undefined;
  /** From the token's `locale` claim, when it has one. */
  readonly locale?: string;
  /** When the credential stops being valid (epoch ms), for tokens that expire. */
  readonly expiresAt?: number;
}
