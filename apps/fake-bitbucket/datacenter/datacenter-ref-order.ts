import { datacenterCodeErrors } from './datacenter-code-errors';

export interface DatacenterRefQuery {
  readonly filterText?: string;
  readonly orderBy?: string;
  readonly boostMatches?: string;
}

interface ListedRef {
  readonly name: string;
  /** When the ref last moved, in epoch milliseconds: its commit's date. */
  readonly modified: number;
}

const ORDERS = ['ALPHABETICAL', 'MODIFICATION'];

/**
 * Branches or tags as Data Center lists them: `filterText` keeps names containing it (any case),
 * `orderBy` sorts by name or most recently modified first (the default), and `boostMatches=true`
 * moves the exact match, then names starting with the filter, to the top.
 */
export function orderDatacenterRefs<T extends ListedRef>(refs: readonly T[], query: DatacenterRefQuery): T[] {
  const order = (query.orderBy ?? 'MODIFICATION').toUpperCase();
  if (!ORDERS.includes(order)) throw datacenterCodeErrors.invalidParameter('orderBy', query.orderBy ?? '', ORDERS);
  const filter = (query.filterText ?? '').toLowerCase();
  const listed = refs.filter((ref) => ref.name.toLowerCase().includes(filter));
  listed.sort((a, b) =>
    order === 'ALPHABETICAL' ? a.name.localeCompare(b.name) : b.modified - a.modified || a.name.localeCompare(b.name),
  );
  if (query.boostMatches !== 'true' || filter === '') return listed;
  const rank = (ref: T): number => {
    const name = ref.name.toLowerCase();
    if (name === filter) return 0;
    return name.startsWith(filter) ? 1 : 2;
  };
  return listed.sort((a, b) => rank(a) - rank(b));
}
