/** Epoch milliseconds, as Data Center writes every timestamp, as an ISO-8601 instant ('' when it sent none). */
export function isoDate(epochMs: number | undefined): string {
  return epochMs === undefined ? '' : new Date(epochMs).toISOString();
}
