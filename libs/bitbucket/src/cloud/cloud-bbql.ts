/** BBQL, the `q=` filter language (cloud/guide-filtering.md). */
export const cloudBbql = {
  /** A string literal. BBQL documents no escape inside quotes, so double quotes and backslashes are dropped. */
  string(value: string): string {
    return `"${value.replaceAll('"', '').replaceAll('\\', '')}"`;
  },

  /** The clauses that are set, each parenthesised, joined with AND; undefined when none is. */
  and(clauses: readonly (string | undefined)[]): string | undefined {
    const set = clauses.filter((clause) => clause !== undefined);
    return set.length === 0 ? undefined : set.map((clause) => `(${clause})`).join(' AND ');
  },
};
