export type FakeDomainErrorKind = 'not-found' | 'conflict' | 'invalid' | 'forbidden';

/**
 * A failure of a write both flavors share (branch exists, pull request not open…); each flavor's
 * controllers render it in its own error shape and status.
 */
export class FakeDomainError extends Error {
  constructor(
    readonly kind: FakeDomainErrorKind,
    message: string,
    /** Field the caller got wrong (Cloud `fields`, DC `context`). */
    readonly field?: string,
    /** Data Center exception class name for this failure. */
    readonly exceptionName?: string,
    readonly extra?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'FakeDomainError';
  }
}
