/** What the fuzzer checks after every exchange; each kind is one figure of the closing line. */
export type ViolationKind =
  'crash' | 'server-error' | 'leaked-stack' | 'stray-path' | 'internal-error' | 'accepted-batch' | 'no-answer';

/** One property an exchange broke, and how. */
export interface Violation {
  readonly kind: ViolationKind;
  readonly detail: string;
}
