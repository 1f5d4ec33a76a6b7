import type { Violation } from './violation';

/** What one exchange broke, with the request as sent, for the failure report. */
export interface ExchangeOutcome {
  readonly request: string;
  readonly violations: readonly Violation[];
}
