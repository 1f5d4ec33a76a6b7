/** One page of a listing; `cursor` continues it (absent on the last page). Opaque to callers. */
export interface BbPage<T> {
  readonly items: readonly T[];
  readonly cursor?: string;
  /** Total count when the flavor reports it. */
  readonly total?: number;
}
