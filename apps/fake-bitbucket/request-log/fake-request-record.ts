import type { FakeFlavor } from '../shared/flavor-of-path';

/** One request the fake received, as tests read it back from GET /__fake/requests. */
export interface FakeRequestRecord {
  readonly seq: number;
  readonly at: string;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly flavor: FakeFlavor;
  /** `answered` once the response finished; `aborted` when the client closed first; `pending` meanwhile. */
  outcome: 'pending' | 'answered' | 'aborted';
  status?: number;
  durationMs?: number;
  /** Fault rule that shaped the answer, when one did. */
  faultId?: number;
  /** The W3C trace context headers the client sent, when it sent them. */
  readonly traceparent?: string;
  readonly tracestate?: string;
}
