/**
 * Fits a listing into a character budget: keeps whole items from the start while their rendering
 * fits, and says how many were left out. The caller turns `omitted` into an explicit continuation.
 */
export function fitItems<T>(
  items: readonly T[],
  render: (item: T) => string,
  budgetChars: number,
): { kept: T[]; omitted: number } {
  const kept: T[] = [];
  let used = 0;
  for (const item of items) {
    const size = render(item).length + 1;
    if (used + size > budgetChars && kept.length > 0) break;
    kept.push(item);
    used += size;
  }
  return { kept, omitted: items.length - kept.length };
}
